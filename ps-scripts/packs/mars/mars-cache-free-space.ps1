<#
.SYNOPSIS
    mars-cache-free-space: the cache volume has 5-10 % of the planned backup size free.
.DESCRIPTION
    minimum = 5 % of plannedBackupBytes (+30 GB with systemStateBackup), recommended = 10 % (+35 GB);
    GB = 10^9 bytes. Below minimum fails, below recommended warns. Without plannedBackupBytes it warns
    that it cannot evaluate and reports the free space.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsCacheFreeSpace -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-cache-free-space",
  "title": "Enough free space on the cache volume",
  "failure": "Too little free space on the cache volume",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The cache volume needs at least 5 % (recommended 10 %) of the data to back up free, plus 30-35 GB when System State is backed up. Low space causes 0x1FC07, 34506 and SalLowDiskSpace.",
  "remediation": "Grow the cache volume, or choose (or move) the cache folder to a volume with enough free space.",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["cache", "capacity"],
  "requires": []
}
'@

function Test-MarsCacheFreeSpace {
    param($Context)
    $cache = Resolve-FsCachePath -Context $Context
    $path = $cache['path']
    $where = 'cache folder ' + $path + ' (' + $cache['source'] + ')'
    if ($path -match '^\\\\') {
        return New-FsCheckResult -Status skipped -Summary 'Cache folder is a UNC path' -Reason 'free space of a network share is not evaluated; mars-cache-folder fails it'
    }
    $drive = $path.Substring(0, 2)
    $volume = Get-FsVolume -DriveLetter $drive
    if ($null -eq $volume) {
        return New-FsCheckResult -Status fail -Summary ('Cache volume ' + $drive + ' not present') -Evidence @('volume ' + $drive + ' for ' + $where + ' not found')
    }
    $free = [double]$volume['freeBytes']
    $freeLine = 'free ' + (Format-FsBytes $free) + ' of ' + (Format-FsBytes ([double]$volume['sizeBytes'])) + ' on ' + $drive
    $planned = Resolve-FsVar -Context $Context -Name 'plannedBackupBytes'
    if (-not (Test-FsVarPresent $planned)) {
        return New-FsCheckResult -Status warn -Summary 'Cannot evaluate cache space: plannedBackupBytes not set' -Evidence @($freeLine, $where) -Reason 'plannedBackupBytes is not set'
    }
    $planned = [double]$planned
    $systemState = [bool](Resolve-FsVar -Context $Context -Name 'systemStateBackup')
    $minimum = 0.05 * $planned
    $recommended = 0.10 * $planned
    $extra = ''
    if ($systemState) { $minimum += 30e9; $recommended += 35e9; $extra = ' + System State' }
    $plannedText = (Format-FsBytes $planned) + ' planned' + $extra
    if ($free -lt $minimum) {
        return New-FsCheckResult -Status fail -Summary ('Cache volume ' + $drive + ' has ' + (Format-FsBytes $free) + ' free, needs ' + (Format-FsBytes $minimum)) `
            -Evidence @(($freeLine + ' < minimum ' + (Format-FsBytes $minimum) + ' (5 % of ' + $plannedText + ')'), $where)
    }
    if ($free -lt $recommended) {
        return New-FsCheckResult -Status warn -Summary ('Cache volume ' + $drive + ' has less than the recommended 10 % free') `
            -Evidence @(($freeLine + ' < recommended ' + (Format-FsBytes $recommended) + ' (10 % of ' + $plannedText + ')'), $where)
    }
    New-FsCheckResult -Status pass -Summary ('Cache volume ' + $drive + ' has enough free space') -Evidence @(($freeLine + ' >= recommended ' + (Format-FsBytes $recommended) + ' (10 % of ' + $plannedText + ')'), $where)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsCacheFreeSpace'
