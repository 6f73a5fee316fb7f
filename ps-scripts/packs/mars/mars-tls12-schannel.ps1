<#
.SYNOPSIS
    mars-tls12-schannel: TLS 1.2 client is enabled in SChannel.
.DESCRIPTION
    Reads Enabled and DisabledByDefault under SCHANNEL\Protocols\TLS 1.2\Client. Fails when TLS 1.2 is
    switched off explicitly; on 6.0/6.1 (off by default) fails unless Enabled=1 and DisabledByDefault=0;
    on 6.2 warns when the values are absent.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsTls12Schannel -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-tls12-schannel",
  "title": "TLS 1.2 client enabled in SChannel",
  "failure": "TLS 1.2 client disabled in SChannel",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Azure Backup requires TLS 1.2. Windows Server 2012 R2 and later enable it by default; Windows Server 2008 (R2) need the SChannel TLS 1.2 Client values set; explicit Enabled=0 or DisabledByDefault=1 breaks registration (error 10054).",
  "remediation": "Set Enabled=1 and DisabledByDefault=0 (DWORD) under HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client and reboot.",
  "source": "https://learn.microsoft.com/azure/backup/transport-layer-security",
  "tags": ["tls"],
  "requires": []
}
'@

function Test-MarsTls12Schannel {
    param($Context)
    $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
    $enabled = Get-FsRegistryValue -Path $key -Name 'Enabled'
    $disabledByDefault = Get-FsRegistryValue -Path $key -Name 'DisabledByDefault'
    $os = Get-FsOsInfo
    $version = ConvertTo-FsVersion $os['version']
    $show = { param($v) if ($null -eq $v) { 'absent' } else { [string]$v } }
    $line = 'version ' + $os['version'] + '; TLS 1.2\Client Enabled=' + (& $show $enabled) + ', DisabledByDefault=' + (& $show $disabledByDefault)
    if (($null -ne $enabled -and [int]$enabled -eq 0) -or ($null -ne $disabledByDefault -and [int]$disabledByDefault -eq 1)) {
        return New-FsCheckResult -Status fail -Summary 'TLS 1.2 client is disabled in SChannel' -Evidence @($line)
    }
    if ($version -ge [version]'6.3') {
        return New-FsCheckResult -Status pass -Summary 'TLS 1.2 client is enabled (OS default or explicit)' -Evidence @($line)
    }
    if ($version -ge [version]'6.2') {
        if ($null -eq $enabled -or $null -eq $disabledByDefault) {
            return New-FsCheckResult -Status warn -Summary 'TLS 1.2 client values not set on Windows Server 2012' -Evidence @($line + ' (defaults are vouched for from 6.3 on)')
        }
        return New-FsCheckResult -Status pass -Summary 'TLS 1.2 client is enabled' -Evidence @($line)
    }
    if ($null -ne $enabled -and [int]$enabled -eq 1 -and $null -ne $disabledByDefault -and [int]$disabledByDefault -eq 0) {
        return New-FsCheckResult -Status pass -Summary 'TLS 1.2 client is enabled explicitly' -Evidence @($line)
    }
    New-FsCheckResult -Status fail -Summary 'TLS 1.2 client is off by default on this OS and not enabled' -Evidence @($line + ' (6.0/6.1 need Enabled=1 and DisabledByDefault=0)')
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsTls12Schannel'
