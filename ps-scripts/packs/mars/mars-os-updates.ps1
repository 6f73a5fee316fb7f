<#
.SYNOPSIS
    mars-os-updates: the OS has recent updates.
.DESCRIPTION
    Warns when the newest installed update (Win32_QuickFixEngineering InstalledOn) is older than
    maxDaysSinceLastUpdate days before the controller's time, or when no install date can be read.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsOsUpdates -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-os-updates",
  "title": "Operating system has recent updates",
  "failure": "No recent operating system updates",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "host",
  "description": "The seeds and the support matrix ask for the latest OS updates. No threshold is published; warns when the newest update is older than maxDaysSinceLastUpdate (project choice, 60 days).",
  "remediation": "Apply the current cumulative and security updates through the normal patch process before installing the agent.",
  "source": "https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent",
  "tags": ["os", "updates"],
  "requires": []
}
'@

function Test-MarsOsUpdates {
    param($Context)
    $maxDays = [double](Resolve-FsVar -Context $Context -Name 'maxDaysSinceLastUpdate')
    $fixes = @(Get-FsHotfix)
    $newest = $null
    $newestId = $null
    foreach ($f in $fixes) {
        $date = ConvertTo-FsUtcDate -Value $f['installedOnUtc']
        if ($null -ne $date -and ($null -eq $newest -or $date -gt $newest)) { $newest = $date; $newestId = $f['id'] }
    }
    if ($null -eq $newest) {
        return New-FsCheckResult -Status warn -Summary 'No update install date could be read' -Evidence @([string]$fixes.Count + ' updates listed, none with a readable install date')
    }
    $days = [math]::Floor(($Context['ControllerUtc'] - $newest).TotalDays)
    $line = 'newest update ' + $newestId + ' installed ' + $newest.ToString('yyyy-MM-dd', [System.Globalization.CultureInfo]::InvariantCulture) + ' (' + $days + ' days ago)'
    if ($days -gt $maxDays) {
        return New-FsCheckResult -Status warn -Summary ('Newest update is ' + $days + ' days old') -Evidence @($line + ' > ' + $maxDays + ' days')
    }
    New-FsCheckResult -Status pass -Summary ('Newest update is ' + $days + ' days old') -Evidence @($line + ' <= ' + $maxDays + ' days')
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsOsUpdates'
