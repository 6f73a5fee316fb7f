function Compare-FleetScanRun {
    <#
    .SYNOPSIS
        Compares two fleet-scan runs and writes what changed: new failures, fixes, hosts that went dark or came back, hosts added or removed, changed statuses and evidence.

    .DESCRIPTION
        Applies the rules of `fleet-scan diff` (and of the Changes sheet of the workbook) to two run records,
        without a history database: hosts match by name, case-insensitively, as Windows names do; only
        checks selected in both runs are compared; a check that did not run in one of the runs is never a
        fix and never a status change, but a failure after it is a new failure. Each change is one
        FleetScan.Change object with Kind, Host, CheckId, Before, After and Detail (the line fleet-scan
        diff prints), in the order a reader wants them: new failures, newly unreachable hosts, fixes,
        hosts reachable again, hosts added, hosts removed, status changes, evidence changes; within a
        kind by host and check name.

    .PARAMETER ReferenceRun
        The earlier run record (the one compared against). Also takes a FleetScan.Run object's Path.

    .PARAMETER DifferenceRun
        The later run record.

    .EXAMPLE
        PS C:\> Compare-FleetScanRun .\run-a.json .\run-b.json

        Kind              Host CheckId                   Detail
        ----              ---- -------                   ------
        new-failure       fs22 mars-dotnet-version       fs22: mars-dotnet-version pass -> fail (.NET Framework 4.7.2 is older than 4.8)
        newly-unreachable fs23                           fs23: ok -> unreachable (connection refused (nothing listening on the port))
        fixed             fs21 mars-tls12-dotnet         fs21: mars-tls12-dotnet fail -> pass (.NET strong cryptography values are all 1)
        fixed             fs21 mars-windows-temp-files   fs21: mars-windows-temp-files fail -> pass (No .tmp build-up in the temp folders of SYSTEM)
        host-added        fs24                           fs24: added (unreachable: connection refused (nothing listening on the port))
        evidence-changed  fs21 mars-antivirus-exclusions fs21: mars-antivirus-exclusions warn, evidence changed (Defender does not exclude path C:\Program Files\...
        evidence-changed  fs21 mars-clock-skew           fs21: mars-clock-skew fail, evidence changed (Clock off by 600 s)

    .EXAMPLE
        PS C:\> $runs = Get-ChildItem .\reports\*.json | Get-FleetScanRun | Sort-Object StartedAt
        PS C:\> Compare-FleetScanRun $runs[-2].Path $runs[-1].Path | Where-Object Kind -eq 'new-failure'

        Kind        Host CheckId             Detail
        ----        ---- -------             ------
        new-failure fs22 mars-dotnet-version fs22: mars-dotnet-version pass -> fail (.NET Framework 4.7.2 is older than 4.8)

    .LINK
        Get-FleetScanRun

    .LINK
        Get-FleetScanFinding
    #>
    [CmdletBinding()]
    [OutputType('FleetScan.Change')]
    param(
        [Parameter(Mandatory = $true, Position = 0)][string]$ReferenceRun,
        [Parameter(Mandatory = $true, Position = 1)][string]$DifferenceRun
    )
    $previous = Read-FleetScanRecord -Path $ReferenceRun
    $current = Read-FleetScanRecord -Path $DifferenceRun
    $selected = {
        param($Record)
        $ids = @($Record.checks | ForEach-Object { [string]$_.id })
        if (-not $ids.Count) { $ids = @($Record.hosts | ForEach-Object { @($_.checks) } | ForEach-Object { [string]$_.id }) }
        $ids
    }
    $later = @(& $selected $current)
    $compared = @(& $selected $previous | Where-Object { $later -contains $_ })
    $byName = {
        param($Record)
        $table = [ordered]@{}
        foreach ($h in @($Record.hosts)) { $table[([string]$h.name).ToLowerInvariant()] = $h }
        $table
    }
    $before = & $byName $previous
    $after = & $byName $current
    $changes = New-Object System.Collections.Generic.List[object]
    foreach ($key in @($after.Keys)) {
        $now = $after[$key]
        $was = $null
        if ($before.Contains($key)) { $was = $before[$key] }
        foreach ($c in @(Get-FleetScanHostChange -Was $was -Now $now)) { $changes.Add($c) }
        if ($null -eq $was) { continue }
        $ids = New-Object System.Collections.Generic.List[string]
        foreach ($id in @(@($now.checks) + @($was.checks) | ForEach-Object { [string]$_.id })) { if (-not $ids.Contains($id)) { $ids.Add($id) } }
        foreach ($id in $ids) {
            if ($compared -notcontains $id) { continue }
            $old = @($was.checks | Where-Object { [string]$_.id -eq $id }) | Select-Object -First 1
            $new = @($now.checks | Where-Object { [string]$_.id -eq $id }) | Select-Object -First 1
            foreach ($c in @(Get-FleetScanCheckChange -HostName ([string]$now.name) -CheckId $id -Was $old -Now $new)) { $changes.Add($c) }
        }
    }
    foreach ($key in @($before.Keys)) {
        if ($after.Contains($key)) { continue }
        $gone = $before[$key]
        $changes.Add((New-FleetScanChange -Kind 'host-removed' -HostName ([string]$gone.name) -Before ([string]$gone.status) -Detail ([string]$gone.name + ': removed (was ' + $gone.status + ')')))
    }
    $order = @('new-failure', 'newly-unreachable', 'fixed', 'reachable-again', 'host-added', 'host-removed', 'status-changed', 'evidence-changed')
    $changes.Sort([System.Comparison[object]] {
            param($x, $y)
            $byKind = $order.IndexOf($x.Kind) - $order.IndexOf($y.Kind)
            if ($byKind) { return $byKind }
            $byHost = [string]::Compare($x.Host, $y.Host, [System.StringComparison]::OrdinalIgnoreCase)
            if ($byHost) { return $byHost }
            [string]::Compare([string]$x.CheckId, [string]$y.CheckId, [System.StringComparison]::Ordinal)
        })
    foreach ($c in $changes) {
        $c | Add-Member -NotePropertyName ReferenceRunId -NotePropertyValue ([string]$previous.runId)
        $c | Add-Member -NotePropertyName DifferenceRunId -NotePropertyValue ([string]$current.runId) -PassThru
    }
}
