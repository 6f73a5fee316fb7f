function Invoke-FleetScanFleetChecks {
    <#
    .SYNOPSIS
        Controller-side entry point for fleet checks: runs each listed kind 'fleet' check over the hosts listed with it.
    .DESCRIPTION
        Payload (base64 of UTF-8 JSON): marker, pack, checks [ { id, hosts [ { name, cloud, status, vars,
        facts } ] } ]. The controller already chose the hosts each check applies to. Pack var defaults fill
        the hosts' vars. Writes one line "<marker> fleet <base64 json>" with { schema:
        'fleet-scan/fleet-report@1', pack, packVersion, startedUtc, finishedUtc, results: [ { host, id,
        status, ... } ] }: one result per listed host per check, in list order. An id the pack has no fleet
        check for, or a check that throws, gives each of its hosts an error.
    .PARAMETER PayloadBase64
        The payload.
    .EXAMPLE
        Invoke-FleetScanFleetChecks -PayloadBase64 $payload
    #>
    param([string]$PayloadBase64)
    $started = [datetime]::UtcNow
    $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64
    $marker = [string]$payload['marker']
    $loaded = Get-FsRegisteredPack
    $pack = $loaded['Pack']
    $registry = $loaded['Registry']
    if ($payload['checks'] -isnot [System.Collections.IList]) { throw 'payload has no checks list' }
    $defaults = @{}
    foreach ($name in $pack['vars'].Keys) { if ($null -ne $pack['vars'][$name]['default']) { $defaults[$name] = $pack['vars'][$name]['default'] } }
    $out = @()
    $index = 0
    foreach ($check in $payload['checks']) {
        if ($check -isnot [System.Collections.IDictionary] -or -not [string]$check['id']) { throw ('payload checks[' + $index + '] has no id') }
        $index++
        $id = [string]$check['id']
        $hosts = @(foreach ($h in @($check['hosts'] | Where-Object { $null -ne $_ })) {
            $vars = @{} + $defaults
            if ($h['vars'] -is [System.Collections.IDictionary]) { foreach ($k in $h['vars'].Keys) { if ($null -ne $h['vars'][$k]) { $vars[$k] = $h['vars'][$k] } } }
            $facts = $h['facts']
            if ($facts -isnot [System.Collections.IDictionary]) { $facts = @{} }
            @{ name = [string]$h['name']; cloud = [string]$h['cloud']; status = [string]$h['status']; vars = $vars; facts = $facts }
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
            $out += $r
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
