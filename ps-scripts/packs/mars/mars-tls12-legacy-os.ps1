<#
.SYNOPSIS
    mars-tls12-legacy-os: TLS 1.2 update and WinHTTP DefaultSecureProtocols on Windows Server 2008 SP2 / 2008 R2 / 2012.
.DESCRIPTION
    Skipped on 6.3 and later. Fails when DefaultSecureProtocols lacks 0x800 (TLS 1.2) in either WinHttp key;
    warns when the KB (4019276 for 6.0, 3140245 for 6.1/6.2) is not in the hotfix list (a rollup may
    supersede it).
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsTls12LegacyOs -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-tls12-legacy-os",
  "title": "TLS 1.2 update on Windows Server 2008 SP2, 2008 R2 and 2012",
  "failure": "WinHTTP not defaulting to TLS 1.2 on older Windows",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Older Windows versions need KB 4019276 (2008 SP2) or KB 3140245 (2008 R2, Windows 7, 2012) and the WinHTTP DefaultSecureProtocols value with the TLS 1.2 bit (0x800) in both hives.",
  "remediation": "Install the KB for the OS and set DefaultSecureProtocols to include 0x800 in HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp and its WOW6432Node twin, then reboot.",
  "source": "https://support.microsoft.com/help/3140245",
  "tags": ["tls", "legacy"],
  "requires": []
}
'@

function Test-MarsTls12LegacyOs {
    param($Context)
    $os = Get-FsOsInfo
    $version = ConvertTo-FsVersion $os['version']
    if ($null -eq $version) { throw ('unreadable OS version: ' + $os['version']) }
    if ($version -ge [version]'6.3') {
        return New-FsCheckResult -Status skipped -Summary 'Not a legacy OS' -Reason ('only applies to Windows 6.0-6.2; this host is version ' + $os['version'])
    }
    $kb = 'KB3140245'
    if ($version.Minor -eq 0) { $kb = 'KB4019276' }
    $problems = @()
    $evidence = @('version ' + $os['version'])
    foreach ($k in @(@('64-bit', 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'), @('WOW6432Node', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'))) {
        $v = Get-FsRegistryValue -Path $k[1] -Name 'DefaultSecureProtocols'
        if ($null -eq $v) { $problems += ($k[0] + ' DefaultSecureProtocols absent'); continue }
        $hex = '0x' + ([int]$v).ToString('X')
        if (([int]$v -band 0x800) -eq 0) { $problems += ($k[0] + ' DefaultSecureProtocols ' + $hex + ' lacks 0x800 (TLS 1.2)') }
        else { $evidence += ($k[0] + ' DefaultSecureProtocols ' + $hex) }
    }
    if ($problems.Count) {
        return New-FsCheckResult -Status fail -Summary 'WinHTTP does not default to TLS 1.2' -Evidence ($evidence + $problems)
    }
    $ids = @(Get-FsHotfix | ForEach-Object { $_['id'] })
    if ($ids -notcontains $kb) {
        return New-FsCheckResult -Status warn -Summary ($kb + ' not in the hotfix list') -Evidence ($evidence + @($kb + ' not installed (a rollup may supersede it)'))
    }
    New-FsCheckResult -Status pass -Summary ($kb + ' installed and WinHTTP defaults include TLS 1.2') -Evidence ($evidence + @($kb + ' installed'))
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsTls12LegacyOs'
