$FsFixMetadata = @'
{
  "check": "mars-tls12-dotnet",
  "title": "Turn on .NET strong cryptography (SchUseStrongCrypto, SystemDefaultTlsVersions)",
  "statuses": ["fail", "warn"],
  "after": "Restart the obengine service (or reboot) so the agent starts with the new .NET settings.",
  "source": "https://learn.microsoft.com/azure/backup/transport-layer-security"
}
'@

function Repair-MarsTls12Dotnet {
    <#
    .SYNOPSIS
        Sets SchUseStrongCrypto=1 and SystemDefaultTlsVersions=1 (DWORD) in the 64-bit and 32-bit .NET Framework 4 keys, each only where it is not 1 yet.
    .DESCRIPTION
        The MARS agent is a .NET application: with both values 1 in HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319
        and its WOW6432Node twin, .NET uses the operating system's TLS versions, TLS 1.2 among them.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsTls12Dotnet -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    foreach ($key in @('HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319')) {
        foreach ($name in @('SchUseStrongCrypto', 'SystemDefaultTlsVersions')) {
            $value = Get-FsRegistryValue -Path $key -Name $name
            $shown = 'absent'
            if ($null -ne $value) { $shown = [string]$value }
            Invoke-FsFixAction -Fix $Fix -Action ('Set ' + $name + '=1 (DWORD)') -Target $key -Needed ($null -eq $value -or [long]$value -ne 1) -Found ($name + '=' + $shown) -Command Set-FsFixRegistryValue -Arguments @{ Path = $key; Name = $name; Value = 1; Type = 'DWord' }
        }
    }
}
