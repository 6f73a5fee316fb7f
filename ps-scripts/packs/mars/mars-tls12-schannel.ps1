<#
.SYNOPSIS
    mars-tls12-schannel: TLS 1.2 client is enabled in SChannel.
.DESCRIPTION
    Reads Enabled and DisabledByDefault under SCHANNEL\Protocols\TLS 1.2\Client. Fails when TLS 1.2 is
    switched off explicitly; on 6.0/6.1 (off by default) fails unless Enabled=1 and DisabledByDefault=0;
    from 6.2 (Windows 8 / Server 2012) on, absent values are the enabled default.
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
  "description": "Azure Backup requires TLS 1.2. SChannel enables the TLS 1.2 client by default from Windows Server 2012 (6.2) on; Windows Server 2008 (R2) need the SChannel TLS 1.2 Client values set; explicit Enabled=0 or DisabledByDefault=1 breaks registration (error 10054).",
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
    if ($null -eq $version) { throw ('unreadable OS version: ' + $os['version']) }
    $show = { param($v) if ($null -eq $v) { 'absent' } else { [string]$v } }
    $line = 'version ' + $os['version'] + '; TLS 1.2\Client Enabled=' + (& $show $enabled) + ', DisabledByDefault=' + (& $show $disabledByDefault)
    if (($null -ne $enabled -and [int]$enabled -eq 0) -or ($null -ne $disabledByDefault -and [int]$disabledByDefault -eq 1)) {
        return New-FsCheckResult -Status fail -Summary 'TLS 1.2 client is disabled in SChannel' -Evidence @($line)
    }
    if ($version -ge [version]'6.2') {
        # SChannel enables the TLS 1.2 client by default from Windows 8 / Server 2012 (6.2) on; WinHTTP's
        # defaults on 6.2 are mars-tls12-legacy-os's part.
        return New-FsCheckResult -Status pass -Summary 'TLS 1.2 client is enabled (OS default or explicit)' -Evidence @($line + ' (absent values mean the default: enabled from 6.2 on)')
    }
    if ($null -ne $enabled -and [int]$enabled -eq 1 -and $null -ne $disabledByDefault -and [int]$disabledByDefault -eq 0) {
        return New-FsCheckResult -Status pass -Summary 'TLS 1.2 client is enabled explicitly' -Evidence @($line)
    }
    New-FsCheckResult -Status fail -Summary 'TLS 1.2 client is off by default on this OS and not enabled' -Evidence @($line + ' (6.0/6.1 need Enabled=1 and DisabledByDefault=0)')
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsTls12Schannel'
