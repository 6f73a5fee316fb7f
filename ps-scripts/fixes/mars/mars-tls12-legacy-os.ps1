$FsFixMetadata = @'
{
  "check": "mars-tls12-legacy-os",
  "title": "Let WinHTTP default to TLS 1.2 (DefaultSecureProtocols with 0x800)",
  "statuses": ["fail"],
  "after": "Install KB3140245 (Windows Server 2008 R2 and 2012) or KB4019276 (Windows Server 2008 SP2) if it is missing, then reboot: the value does nothing without the update.",
  "source": "https://support.microsoft.com/help/3140245"
}
'@

function Repair-MarsTls12LegacyOs {
    <#
    .SYNOPSIS
        Adds the TLS 1.2 bit (0x800) to WinHTTP's DefaultSecureProtocols in the 64-bit and 32-bit keys, keeping the bits already set.
    .DESCRIPTION
        A missing value becomes 0xA00 (TLS 1.1 and TLS 1.2); an existing one keeps its bits and gains 0x800.
        Keys: HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp and its WOW6432Node twin.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsTls12LegacyOs -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    foreach ($key in @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp')) {
        $value = Get-FsRegistryValue -Path $key -Name 'DefaultSecureProtocols'
        $new = 0xA00
        $shown = 'absent'
        if ($null -ne $value) { $new = [long]$value -bor 0x800; $shown = '0x' + ([long]$value).ToString('X') }
        Invoke-FsFixAction -Fix $Fix -Action ('Set DefaultSecureProtocols=0x' + $new.ToString('X') + ' (DWORD)') -Target $key -Needed ($null -eq $value -or ([long]$value -band 0x800) -eq 0) -Found ('DefaultSecureProtocols ' + $shown) -Command Set-FsFixRegistryValue -Arguments @{ Path = $key; Name = 'DefaultSecureProtocols'; Value = $new; Type = 'DWord' }
    }
}
