<#
.SYNOPSIS
    mars-powershell-version: Windows PowerShell 5.0 or later is installed.
.DESCRIPTION
    The current installer needs Windows PowerShell 5.0; scheduled backups need 3.0. Reads the engine
    version from PowerShellEngine in the registry (the session itself may be PowerShell 7).
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsPowershellVersion -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-powershell-version",
  "title": "Windows PowerShell 5.0 or later installed",
  "failure": "Windows PowerShell older than 5.0",
  "phase": "install",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The current MARS installer needs Windows PowerShell 5.0; scheduled backups need 3.0 or later. Reads PowerShellEngine\\PowerShellVersion.",
  "remediation": "Install Windows Management Framework 5.1 (reboot required) before installing the MARS agent.",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["powershell", "prerequisite"],
  "requires": []
}
'@

function Test-MarsPowershellVersion {
    param($Context)
    $text = Get-FsPSVersion
    if (-not $text) {
        return New-FsCheckResult -Status fail -Summary 'Windows PowerShell engine not found' -Evidence @('PowerShellEngine\PowerShellVersion absent')
    }
    $version = ConvertTo-FsVersion $text
    if ($null -eq $version) { throw ('unreadable PowerShell version: ' + $text) }
    if ($version -ge [version]'5.0') {
        return New-FsCheckResult -Status pass -Summary ('Windows PowerShell ' + $text + ' installed') -Evidence @('PowerShell ' + $text + ' >= 5.0')
    }
    $extra = ''
    if ($version -lt [version]'3.0') { $extra = '; below 3.0 scheduled backups also fail' }
    New-FsCheckResult -Status fail -Summary ('Windows PowerShell ' + $text + ' is older than 5.0') -Evidence @('PowerShell ' + $text + ' < 5.0' + $extra)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsPowershellVersion'
