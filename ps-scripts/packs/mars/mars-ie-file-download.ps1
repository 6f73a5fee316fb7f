<#
.SYNOPSIS
    mars-ie-file-download: the Internet zone allows file download for SYSTEM.
.DESCRIPTION
    Reads URL action 1803 for zone 3 (Internet) from SYSTEM's profile, overridden by the policy key when
    set. Warns when the effective value is 3 (disable); passes for 0 or absent.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsIeFileDownload -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-ie-file-download",
  "title": "Internet zone allows file download for SYSTEM",
  "failure": "File download disabled in the Internet zone",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "host",
  "description": "For 'unable to connect' (ID 100050) the troubleshooting page asks to enable File download in the Internet zone. The registry mapping (URL action 1803, 0 = enable, 3 = disable) is general IE convention.",
  "remediation": "Enable 'File download' for the Internet zone (group policy or SYSTEM profile), optionally add the MARS URLs to Trusted sites, and retry.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["network", "browser"],
  "requires": []
}
'@

function Test-MarsIeFileDownload {
    param($Context)
    $policy = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\Zones\3' -Name '1803'
    $system = Get-FsRegistryValue -Path 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings\Zones\3' -Name '1803'
    $effective = $system
    $source = 'SYSTEM profile'
    if ($null -ne $policy) { $effective = $policy; $source = 'policy' }
    if ($null -eq $effective) {
        return New-FsCheckResult -Status pass -Summary 'File download not restricted for the Internet zone' -Evidence @('zone 3 action 1803 absent (default enable)')
    }
    $line = 'zone 3 action 1803 = ' + $effective + ' (' + $source + ')'
    if ([int]$effective -eq 3) {
        return New-FsCheckResult -Status warn -Summary 'File download disabled in the Internet zone' -Evidence @($line + ': disabled')
    }
    New-FsCheckResult -Status pass -Summary 'File download allowed in the Internet zone' -Evidence @($line)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsIeFileDownload'
