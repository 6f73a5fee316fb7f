$FsFixMetadata = @'
{
  "check": "mars-clock-skew",
  "title": "Run the Windows Time service on the domain hierarchy and resynchronise the clock",
  "statuses": ["fail", "warn"],
  "source": "https://learn.microsoft.com/windows-server/networking/windows-time-service/windows-time-service-tools-and-settings"
}
'@

function Repair-MarsClockSkew {
    <#
    .SYNOPSIS
        Starts w32time when it is stopped, points it at the domain hierarchy when it runs on the local clock, and resynchronises a clock that is off by a second or more.
    .DESCRIPTION
        Each step re-checks first: a disabled w32time is set to start automatically; a stopped one is
        started; a source of Local CMOS Clock or Free-running System Clock becomes the domain hierarchy
        (w32tm /config /syncfromflags:domhier /update) on a domain member, and a step for a person on a
        host in no domain (which NTP server is right is not the plan's to guess); then w32tm /resync /force
        when w32tm /stripchart cannot measure the offset or finds it at 1 s or more. A time zone the
        inventory expects differently is listed as a step: Set-TimeZone changes the clock the users see.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsClockSkew -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    $sample = Get-FsClockSample
    $status = [string]$sample['w32timeStatus']
    $service = Get-FsService -Name w32time
    if ($null -ne $service) {
        Invoke-FsFixAction -Fix $Fix -Action 'Set the start mode to Automatic' -Target 'service w32time' -Needed ($service['startMode'] -eq 'Disabled') -Found ('start mode ' + $service['startMode']) -Command Set-FsFixServiceStartMode -Arguments @{ Name = 'w32time'; StartMode = 'Automatic' }
    }
    Invoke-FsFixAction -Fix $Fix -Action 'Start the service' -Target 'service w32time' -Needed ($status -ne 'Running') -Found ('w32time ' + $status) -Command Start-FsFixService -Arguments @{ Name = 'w32time' }
    $source = [string]$sample['w32timeSource']
    $local = (-not $source) -or ($source -match 'Local CMOS Clock|Free-running System Clock')
    $domain = [string](Get-FsComputerName)['domain']
    $member = $domain -and $domain -ne 'WORKGROUP'
    if ($local -and -not $member) {
        Write-FsFixStep -Fix $Fix -Text ('w32time takes its time from ' + $source + ' and this host is in no domain: choose an NTP server, then run w32tm /config /manualpeerlist:<server> /syncfromflags:manual /update and w32tm /resync')
    }
    else {
        Invoke-FsFixAction -Fix $Fix -Action 'Take the time from the domain hierarchy (w32tm /config /syncfromflags:domhier /update)' -Target 'service w32time' -Needed $local -Found ('source ' + $source) -Command Invoke-FsFixW32tm -Arguments @{ Arguments = @('/config', '/syncfromflags:domhier', '/update') }
        $now = [string](Get-FsClockSample)['w32timeSource']
        $offset = Get-FsFixClockOffset -Source $now
        $found = 'offset unknown (source ' + $now + ')'
        if ($null -ne $offset) { $found = 'offset ' + $offset + ' s from ' + $now }
        Invoke-FsFixAction -Fix $Fix -Action 'Resynchronise the clock now (w32tm /resync /force)' -Target 'service w32time' -Needed ($null -eq $offset -or [math]::Abs($offset) -ge 1) -Found $found -Command Invoke-FsFixW32tm -Arguments @{ Arguments = @('/resync', '/force') }
    }
    foreach ($line in @($Fix['Finding']['evidence'])) {
        if ([string]$line -match '^time zone (.+), expected (.+)$') {
            Write-FsFixStep -Fix $Fix -Text ('The time zone is ' + $Matches[1] + ' and the inventory expects ' + $Matches[2] + ': if that is right for this server, run Set-TimeZone -Id ''' + $Matches[2] + '''')
        }
    }
}
