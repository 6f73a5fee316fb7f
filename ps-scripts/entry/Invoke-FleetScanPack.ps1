function Invoke-FleetScanPack {
    <#
    .SYNOPSIS
        Remote entry point: runs the host checks the controller listed and writes framed result lines (see docs/ARCHITECTURE.md).
    .DESCRIPTION
        Decodes the payload (base64 of UTF-8 JSON: host, pack, marker, cloud, vars, controllerUtc, controllerSentUtc,
        checkBudgetMs, checks [ { id, facts, report } ]). The controller already chose the checks that apply,
        so every listed check runs: the facts ones first (their facts, merged, reach the others as
        $Context.Facts), then the others in list order, each within checkBudgetMs. An id the pack has no host
        check for becomes error. Writes "<marker> check <base64 json>" as each check with report true
        finishes, and last "<marker> report <base64 json>" with the fleet-scan/host-report@1 document, whose
        results are the report-true checks in list order.
    .PARAMETER PayloadBase64
        The payload.
    .EXAMPLE
        Invoke-FleetScanPack -PayloadBase64 $payload
    #>
    param([string]$PayloadBase64)
    $started = [datetime]::UtcNow
    $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64
    $marker = [string]$payload['marker']
    $vars = $payload['vars']
    if ($vars -isnot [System.Collections.IDictionary]) { $vars = @{} }
    $controllerUtc = ConvertTo-FsUtcDate -Value $payload['controllerUtc']
    if ($null -eq $controllerUtc) { $controllerUtc = $started }
    $budgetMs = 20000
    if ($payload['checkBudgetMs']) { $budgetMs = [int]$payload['checkBudgetMs'] }
    $loaded = Get-FsRegisteredPack
    $pack = $loaded['Pack']
    $plan = @(Get-FsHostPlan -Checks $payload['checks'] -Registry $loaded['Registry'] -PackName $pack['name'])

    # A lab host's bundle brings the staged twin of the probe library, and of this hook.
    $probes = Initialize-FsProbeLibrary -ControllerUtc $controllerUtc
    $staged = [bool]$probes['Staged']
    $shared = @{ FsPack = $pack }
    foreach ($k in $probes['Variables'].Keys) { $shared[$k] = $probes['Variables'][$k] }

    $results = @{}
    foreach ($p in @($plan | Where-Object { $_['error'] })) {
        $finished = Complete-FsCheckResult -Id $p['id'] -Result (New-FsCheckResult -Status error -Summary ('Check failed: ' + $p['error']) -Evidence @('error: ' + $p['error']) -Reason $p['error'])
        $results[$p['index']] = $finished
        if ($p['report']) { Write-Output (Format-FsFrame $marker 'check' $finished) }
    }
    # Up to two workers: the second opens only while a check waits (see Invoke-FsCheckRun).
    $slots = @(for ($n = 0; $n -lt 2; $n++) { @{ runspace = $null; ps = $null; handle = $null; item = $null; clock = $null } })
    $functions = Get-FsBundleFunction -CheckFunctions @($plan | Where-Object { $_['fn'] } | ForEach-Object { $_['fn'] })
    $newItem = {
        param($Entry, $Facts)
        $context = @{ Cloud = [string]$payload['cloud']; Vars = $vars; ControllerUtc = $controllerUtc; ControllerSentUtc = $payload['controllerSentUtc']; Facts = $Facts; Host = [string]$payload['host'] }
        @{ id = $Entry['id']; fn = $Entry['fn']; index = $Entry['index']; report = $Entry['report']; context = $context }
    }

    # Fact checks first, in one runspace: the others read their facts.
    $factItems = @($plan | Where-Object { $_['fn'] -and $_['facts'] } | ForEach-Object { & $newItem $_ $null })
    if ($factItems.Count) { Invoke-FsCheckRun -Items $factItems -BudgetMs $budgetMs -Marker $marker -Results $results -Functions $functions -Variables $shared -Slots @($slots[0]) }
    $facts = $null
    foreach ($f in $factItems) {
        $r = $results[$f['index']]
        if ($null -ne $r -and $r['status'] -ne 'error' -and $r['facts'] -is [System.Collections.IDictionary]) {
            if ($null -eq $facts) { $facts = @{} }
            foreach ($k in $r['facts'].Keys) { $facts[$k] = $r['facts'][$k] }
        }
    }
    $items = @($plan | Where-Object { $_['fn'] -and -not $_['facts'] } | ForEach-Object { & $newItem $_ $facts })
    if ($items.Count) { Invoke-FsCheckRun -Items $items -BudgetMs $budgetMs -Marker $marker -Results $results -Functions $functions -Variables $shared -Slots $slots }
    foreach ($slot in $slots) {
        # A runspace abandoned over budget is already $null; the others are idle now.
        if ($null -ne $slot['runspace']) { $slot['runspace'].Dispose() }
    }

    # The report goes out even when the host's name cannot be read; the fact says why it is missing.
    $computer = @{ computerName = ''; dnsHostName = $null; domain = $null }
    $nameError = $null
    try { $computer = Get-FsComputerName } catch { $nameError = Get-FsErrorMessage $_ }
    $reportFacts = @{ staged = $staged; computerName = $computer['computerName']; dnsHostName = $computer['dnsHostName']; domain = $computer['domain'] }
    if ($nameError) { $reportFacts['computerNameError'] = $nameError }
    if ($null -ne $facts) { foreach ($k in $facts.Keys) { if (-not $reportFacts.Contains($k)) { $reportFacts[$k] = $facts[$k] } } }
    $report = [ordered]@{
        schema       = 'fleet-scan/host-report@1'
        host         = [string]$payload['host']
        computerName = [string]$computer['computerName']
        psVersion    = $PSVersionTable.PSVersion.ToString()
        pack         = [string]$pack['name']
        packVersion  = [string]$pack['version']
        startedUtc   = Format-FsUtcDate -Value $started
        finishedUtc  = Format-FsUtcDate -Value ([datetime]::UtcNow)
        facts        = $reportFacts
        results      = @(foreach ($p in $plan) { if ($p['report'] -and $results.Contains($p['index'])) { $results[$p['index']] } })
    }
    Write-Output (Format-FsFrame $marker 'report' $report)
}
