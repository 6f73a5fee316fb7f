$FsFixMetadata = @'
{
  "check": "mars-tls12-schannel",
  "title": "Enable the TLS 1.2 client in SChannel (Enabled=1, DisabledByDefault=0)",
  "statuses": ["fail", "warn"],
  "after": "Reboot: SChannel reads its protocol settings when Windows starts.",
  "source": "https://learn.microsoft.com/azure/backup/transport-layer-security"
}
'@

function Repair-MarsTls12Schannel {
    <#
    .SYNOPSIS
        Sets Enabled=1 and DisabledByDefault=0 (DWORD) under SCHANNEL\Protocols\TLS 1.2\Client, each only where it differs.
    .DESCRIPTION
        Windows Server 2012 R2 and later enable the TLS 1.2 client by default; an explicit Enabled=0 or
        DisabledByDefault=1 (hardening gone wrong) or an older Windows needs the two values.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsTls12Schannel -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
    foreach ($wanted in @(@('Enabled', 1), @('DisabledByDefault', 0))) {
        $value = Get-FsRegistryValue -Path $key -Name $wanted[0]
        $shown = 'absent'
        if ($null -ne $value) { $shown = [string]$value }
        Invoke-FsFixAction -Fix $Fix -Action ('Set ' + $wanted[0] + '=' + $wanted[1] + ' (DWORD)') -Target $key -Needed ($null -eq $value -or [long]$value -ne $wanted[1]) -Found ($wanted[0] + '=' + $shown) -Command Set-FsFixRegistryValue -Arguments @{ Path = $key; Name = $wanted[0]; Value = $wanted[1]; Type = 'DWord' }
    }
}
