function Invoke-FsTestFleet {
    <#
    .SYNOPSIS
        Runs one fleet check through the real Invoke-FleetScanFleetChecks and returns its result per host.
    .PARAMETER Id
        The fleet check under test.
    .PARAMETER Hosts
        The hosts the controller found eligible: { name, cloud, status, vars, facts }.
    .EXAMPLE
        $r = Invoke-FsTestFleet -Id 'mars-fleet-vault-capacity' -Hosts $hosts; $r['fs01'].status
    #>
    param([string]$Id, [object[]]$Hosts)
    $marker = New-FsTestMarker
    $lines = @(Invoke-FleetScanFleetChecks -PayloadBase64 (New-FsTestFleetPayload -Marker $marker -Checks @(@{ id = $Id; hosts = $Hosts })))
    if ($lines.Count -ne 1) { throw ('expected one fleet line, got ' + $lines.Count) }
    $line = ConvertFrom-FsTestLine -Line $lines[0] -Marker $marker
    if ($line['kind'] -ne 'fleet' -or $line['body']['schema'] -ne 'fleet-scan/fleet-report@1') { throw 'not a fleet report' }
    $byHost = [ordered]@{}
    foreach ($r in @($line['body']['results'])) {
        if ($r['id'] -ne $Id) { throw ('a result of another check: ' + $r['id']) }
        $byHost[$r['host']] = $r
    }
    $byHost
}
