function Get-FsClockSample {
    <#
    .SYNOPSIS
        Staged twin: host clock = the run's controller UTC + clock.offsetSeconds, plus time zone and w32time.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsClockSample)['hostUtc']
    #>
    [CmdletBinding()]
    param()
    $clock = Get-FsStagedEntry -Section clock
    if ($null -eq $clock) { $clock = @{} }
    $offset = 0
    if ($null -ne $clock['offsetSeconds']) { $offset = [double]$clock['offsetSeconds'] }
    $zone = 'UTC'
    if ($clock['timeZoneId']) { $zone = [string]$clock['timeZoneId'] }
    $status = 'Running'
    if ($clock.Contains('w32timeStatus')) { $status = $clock['w32timeStatus'] }
    $source = 'time.windows.com,0x9'
    if ($clock.Contains('w32timeSource')) { $source = $clock['w32timeSource'] }
    @{ hostUtc = (Format-FsUtcDate -Value (Get-FsStagedNow).AddSeconds($offset)); timeZoneId = $zone; w32timeStatus = $status; w32timeSource = $source }
}
