<#
.SYNOPSIS
    mars-clock-skew: the system clock is correct for its time zone.
.DESCRIPTION
    offset = host clock - controller clock (Get-FsClockReading: the host clock sampled first thing by
    mars-agent-detect, against the controller's send time when the payload gives it). Fails at |offset| >=
    clockSkewFailSeconds (300), warns at >= clockSkewWarnSeconds (60), when w32time is not running, when its
    source is the local CMOS or free-running clock, or when expectedTimeZone differs. The evidence states
    both clock readings and how uncertain the offset is.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsClockSkew -Context $context   # fail: clock off by 600 s
#>
$FsCheckMetadata = @'
{
  "id": "mars-clock-skew",
  "title": "System clock correct for its time zone",
  "failure": "Clock off by 5 minutes or more",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "A wrong date or time for the host's time zone makes registration fail with invalid vault credentials. Microsoft publishes no tolerance; thresholds are project choices anchored on Kerberos' 5 minutes.",
  "remediation": "Fix the time zone and resynchronise the clock against a reliable source (w32tm /resync), then retry registration.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["time"],
  "requires": []
}
'@

function Test-MarsClockSkew {
    param($Context)
    $clock = Get-FsClockReading -Context $Context
    $failAt = [double](Resolve-FsVar -Context $Context -Name 'clockSkewFailSeconds')
    $warnAt = [double](Resolve-FsVar -Context $Context -Name 'clockSkewWarnSeconds')
    $offset = $clock['offsetSeconds']
    $absolute = [math]::Abs($offset)
    $direction = 'ahead of'
    if ($offset -lt 0) { $direction = 'behind' }
    $skewLine = 'clock off by ' + $absolute + ' s (' + $direction + ' the controller)'
    $sample = $clock['sample']
    $details = @(('host clock ' + $clock['hostUtc'] + ' (' + $clock['hostSource'] + ') against ' + $clock['referenceUtc'] + ' (' + $clock['referenceSource'] + ')'), $clock['uncertainty'], ('time zone ' + $sample['timeZoneId']), ('w32time ' + $(if ($sample['w32timeStatus']) { $sample['w32timeStatus'] } else { 'missing' }) + ', source ' + $(if ($sample['w32timeSource']) { $sample['w32timeSource'] } else { 'unknown' })))
    if ($absolute -ge $failAt) {
        return New-FsCheckResult -Status fail -Summary ('Clock off by ' + $absolute + ' s') -Evidence (@($skewLine + ' >= ' + $failAt + ' s') + $details)
    }
    $warnings = @()
    if ($absolute -ge $warnAt) { $warnings += ($skewLine + ' >= ' + $warnAt + ' s') }
    if ($sample['w32timeStatus'] -ne 'Running') { $warnings += 'w32time service not running' }
    if ([string]$sample['w32timeSource'] -match 'Local CMOS Clock|Free-running System Clock') { $warnings += ('time source is ' + $sample['w32timeSource']) }
    $expected = Resolve-FsVar -Context $Context -Name 'expectedTimeZone'
    if ((Test-FsVarPresent $expected) -and $expected -ne $sample['timeZoneId']) { $warnings += ('time zone ' + $sample['timeZoneId'] + ', expected ' + $expected) }
    if ($warnings.Count) {
        return New-FsCheckResult -Status warn -Summary ('Clock not reliably synchronised: ' + $warnings[0]) -Evidence ($warnings + @($skewLine) + $details)
    }
    New-FsCheckResult -Status pass -Summary ('Clock within ' + $absolute + ' s of the controller') -Evidence (@($skewLine + ' < ' + $warnAt + ' s') + $details)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsClockSkew'
