function Invoke-FleetScanFleetChecks {
    <#
    .SYNOPSIS
        Controller-side entry point for fleet checks: runs each listed kind 'fleet' check over the hosts listed with it.
    .DESCRIPTION
        Payload (base64 of UTF-8 JSON): marker, pack, hosts [ { name, cloud, status, vars, facts } ], checks
        [ { id, hosts [ index into hosts ] } ]. The controller already chose the hosts each check applies to,
        and sent each host once with only the vars the fleet checks require or read, pack defaults filled
        in. Writes one line "<marker> fleet <base64 json>" with { schema:
        'fleet-scan/fleet-report@1', pack, packVersion, startedUtc, finishedUtc, results: [ { host, id,
        status, ... } ] }: one result per listed host per check, in list order. An id the pack has no fleet
        check for, or a check that throws, gives each of its hosts an error.
    .PARAMETER PayloadBase64
        The payload.
    .PARAMETER Payload
        The same payload already decoded to hashtables, instead of PayloadBase64.
    .EXAMPLE
        Invoke-FleetScanFleetChecks -PayloadBase64 $payload
    #>
    param([string]$PayloadBase64, [System.Collections.IDictionary]$Payload)
    $started = [datetime]::UtcNow
    $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64 -Decoded $Payload
    $marker = [string]$payload['marker']
    $loaded = Get-FsRegisteredPack
    $pack = $loaded['Pack']
    $registry = $loaded['Registry']
    if ($payload['checks'] -isnot [System.Collections.IList]) { throw 'payload has no checks list' }
    if ($payload['hosts'] -isnot [System.Collections.IList]) { throw 'payload has no hosts list' }
    # Each host once, in the shape every fleet check reads; the checks list them by index.
    $fleet = @(foreach ($h in $payload['hosts']) {
        if ($h -isnot [System.Collections.IDictionary]) { $h = @{} }
        $vars = $h['vars']
        if ($vars -isnot [System.Collections.IDictionary]) { $vars = @{} }
        $facts = $h['facts']
        if ($facts -isnot [System.Collections.IDictionary]) { $facts = @{} }
        @{ name = [string]$h['name']; cloud = [string]$h['cloud']; status = [string]$h['status']; vars = $vars; facts = $facts }
    })
    # A list, not +=: one result per host per check, and += copies the whole array each time.
    $out = New-Object System.Collections.Generic.List[object]
    $index = 0
    foreach ($check in $payload['checks']) {
        if ($check -isnot [System.Collections.IDictionary] -or -not [string]$check['id']) { throw ('payload checks[' + $index + '] has no id') }
        $index++
        $id = [string]$check['id']
        $hosts = @(foreach ($at in @($check['hosts'])) {
            if ((($at -isnot [long]) -and ($at -isnot [int])) -or $at -lt 0 -or $at -ge $fleet.Count) { throw ('payload checks[' + ($index - 1) + '] lists host ' + $at + ', which is not in the hosts list') }
            $fleet[$at]
        })
        if ($hosts.Count -eq 0) { continue }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $table = $null
        $failure = $null
        if (-not ($registry.Contains($id) -and $registry[$id]['Metadata']['kind'] -eq 'fleet')) { $failure = 'no fleet check ' + $id + ' in pack ' + $pack['name'] }
        else {
            try { $table = & $registry[$id]['Function'] -Hosts $hosts } catch { $failure = Get-FsErrorMessage $_ }
        }
        foreach ($h in $hosts) {
            $result = $null
            if ($failure) { $result = New-FsCheckResult -Status error -Summary ('Check failed: ' + $failure) -Evidence @('error: ' + $failure) -Reason $failure }
            elseif ($table -is [System.Collections.IDictionary]) { $result = $table[$h['name']] }
            $r = Complete-FsCheckResult -Id $id -Result $result -Ms $clock.ElapsedMilliseconds
            $r.Insert(0, 'host', $h['name'])
            $out.Add($r)
        }
    }
    $document = [ordered]@{
        schema      = 'fleet-scan/fleet-report@1'
        pack        = [string]$pack['name']
        packVersion = [string]$pack['version']
        startedUtc  = Format-FsUtcDate -Value $started
        finishedUtc = Format-FsUtcDate -Value ([datetime]::UtcNow)
        results     = $out
    }
    Write-Output (Format-FsFrame $marker 'fleet' $document)
}
