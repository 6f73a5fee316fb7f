<#
.SYNOPSIS
    mars-clock-skew: the system clock is correct for its time zone.
.DESCRIPTION
    offset = host UTC - controller UTC (from the payload; transport latency of a few seconds is far below the
    thresholds). Fails at |offset| >= clockSkewFailSeconds (300), warns at >= clockSkewWarnSeconds (60), when
    w32time is not running, when its source is the local CMOS or free-running clock, or when
    expectedTimeZone differs.
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
    $sample = Get-FsClockSample
    $hostUtc = ConvertTo-FsUtcDate -Value $sample['hostUtc']
    if ($null -eq $hostUtc) { throw ('unreadable host time: ' + $sample['hostUtc']) }
    $offset = [math]::Round(($hostUtc - $Context['ControllerUtc']).TotalSeconds)
    $failAt = [double](Resolve-FsVar -Context $Context -Name 'clockSkewFailSeconds')
    $warnAt = [double](Resolve-FsVar -Context $Context -Name 'clockSkewWarnSeconds')
    $absolute = [math]::Abs($offset)
    $direction = 'ahead of'
    if ($offset -lt 0) { $direction = 'behind' }
    $skewLine = 'clock off by ' + $absolute + ' s (' + $direction + ' the controller)'
    $evidence = @($skewLine, ('time zone ' + $sample['timeZoneId']), ('w32time ' + $(if ($sample['w32timeStatus']) { $sample['w32timeStatus'] } else { 'missing' }) + ', source ' + $(if ($sample['w32timeSource']) { $sample['w32timeSource'] } else { 'unknown' })))
    if ($absolute -ge $failAt) {
        return New-FsCheckResult -Status fail -Summary ('Clock off by ' + $absolute + ' s') -Evidence (@($skewLine + ' >= ' + $failAt + ' s') + $evidence[1..2])
    }
    $warnings = @()
    if ($absolute -ge $warnAt) { $warnings += ($skewLine + ' >= ' + $warnAt + ' s') }
    if ($sample['w32timeStatus'] -ne 'Running') { $warnings += 'w32time service not running' }
    if ([string]$sample['w32timeSource'] -match 'Local CMOS Clock|Free-running System Clock') { $warnings += ('time source is ' + $sample['w32timeSource']) }
    $expected = Resolve-FsVar -Context $Context -Name 'expectedTimeZone'
    if ((Test-FsVarPresent $expected) -and $expected -ne $sample['timeZoneId']) { $warnings += ('time zone ' + $sample['timeZoneId'] + ', expected ' + $expected) }
    if ($warnings.Count) {
        return New-FsCheckResult -Status warn -Summary ('Clock not reliably synchronised: ' + $warnings[0]) -Evidence ($warnings + $evidence)
    }
    New-FsCheckResult -Status pass -Summary ('Clock within ' + $absolute + ' s of the controller') -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsClockSkew'
