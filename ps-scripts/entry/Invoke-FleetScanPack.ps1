function Complete-FsCheckResult {
    <#
    .SYNOPSIS
        Turns what a check returned into the wire form of one result (id, status, summary, evidence, reason, ms, facts).
    .DESCRIPTION
        Anything that is not a proper result (nothing, a string, an unknown status) becomes error, so a broken
        check can never read as pass. Lengths are capped to what the controller's schema accepts.
    .PARAMETER Id
        The check id.
    .PARAMETER Result
        The dictionary New-FsCheckResult built, or anything else a broken check returned.
    .PARAMETER Ms
        How long the check ran.
    .EXAMPLE
        Complete-FsCheckResult -Id 'mars-dotnet-version' -Result $r -Ms 12
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Id, [AllowNull()]$Result, [long]$Ms = 0)
    $cap = { param($s) $t = [string]$s; if ($t.Length -gt 4000) { $t = $t.Substring(0, 3997) + '...' }; $t }
    if ($Result -isnot [System.Collections.IDictionary] -or @('pass', 'warn', 'fail', 'skipped', 'error') -notcontains [string]$Result['status']) {
        $Result = New-FsCheckResult -Status error -Summary 'Check returned no valid result' -Reason 'the check function returned no result built by New-FsCheckResult'
    }
    $out = [ordered]@{ id = $Id; status = [string]$Result['status']; summary = (& $cap $Result['summary']) }
    $evidence = New-Object System.Collections.ArrayList
    foreach ($line in @($Result['evidence'])) {
        if ($null -eq $line) { continue }
        if ($evidence.Count -ge 200) { break }
        $null = $evidence.Add((& $cap $line))
    }
    $out['evidence'] = $evidence.ToArray()
    if ($Result['reason']) { $out['reason'] = & $cap $Result['reason'] }
    $out['ms'] = [long]$Ms
    if ($Result['facts'] -is [System.Collections.IDictionary]) { $out['facts'] = $Result['facts'] }
    $out
}

function Get-FsErrorMessage {
    <#
    .SYNOPSIS
        The innermost message of an error record or exception, on one line.
    .PARAMETER ErrorRecord
        An ErrorRecord or Exception.
    .EXAMPLE
        try { throw 'access denied' } catch { Get-FsErrorMessage $_ }   # access denied
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$ErrorRecord)
    $e = $ErrorRecord
    if ($e -is [System.Management.Automation.ErrorRecord]) { $e = $e.Exception }
    if ($e -is [System.Exception]) { $e = $e.GetBaseException() }
    ([string]$e.Message -replace '\s*[\r\n]+\s*', ' ').Trim()
}

function New-FsCheckRunspace {
    <#
    .SYNOPSIS
        Opens a runspace that already knows every function of the bundle and the shared variables.
    .PARAMETER Functions
        Function names and definitions to copy in.
    .PARAMETER Variables
        Name -> value of globals to copy in (pack manifest, staged state, reference time).
    .EXAMPLE
        $rs = New-FsCheckRunspace -Functions $functions -Variables @{ FsPack = $FsPack }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Functions, [hashtable]$Variables = @{})
    $iss = [System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2()
    foreach ($f in $Functions) {
        $iss.Commands.Add((New-Object System.Management.Automation.Runspaces.SessionStateFunctionEntry($f.Name, $f.Definition)))
    }
    foreach ($k in $Variables.Keys) {
        $iss.Variables.Add((New-Object System.Management.Automation.Runspaces.SessionStateVariableEntry($k, $Variables[$k], '')))
    }
    $runspace = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspace($iss)
    $runspace.Open()
    $runspace
}

function Invoke-FsCheckRun {
    <#
    .SYNOPSIS
        Runs host checks in worker runspaces, each check within its own time budget, and writes a framed line per finished check.
    .DESCRIPTION
        A check that outlives its budget is stopped (BeginStop, never waited for) and its runspace replaced,
        so one slow probe cannot cost the checks after it. A check that throws becomes error with the message.
        One runspace runs the checks one after another; another slot opens its runspace only when every open
        one has been busy for SpareAfterMs (a check waiting on the network), because each runspace compiles
        the check code again and that first use is most of what a scan costs the target.
    .PARAMETER Items
        Plan entries: id, fn, context, index, report (write the line or only keep the result).
    .PARAMETER BudgetMs
        Time budget of each check.
    .PARAMETER Marker
        The run's output marker.
    .PARAMETER Results
        Collects index -> finished result.
    .PARAMETER Functions
        Function definitions for new runspaces.
    .PARAMETER Variables
        Shared variables for new runspaces.
    .PARAMETER Slots
        Worker slots (runspace and running check). The caller keeps them so the runspaces, and the functions
        compiled in them, serve several runs.
    .PARAMETER SpareAfterMs
        How long every open slot must have been busy before another slot opens.
    .EXAMPLE
        Invoke-FsCheckRun -Items $items -BudgetMs 20000 -Marker $m -Results $done -Functions $f -Variables $v -Slots $slots
    #>
    [CmdletBinding()]
    param($Items, [int]$BudgetMs, [string]$Marker, $Results, $Functions, [hashtable]$Variables, [object[]]$Slots, [int]$SpareAfterMs = 500)
    $queue = New-Object System.Collections.Queue
    foreach ($i in $Items) { $queue.Enqueue($i) }
    $script = 'param($FsFunction, $FsContext) Set-StrictMode -Version Latest; $ErrorActionPreference = ''Stop''; & $FsFunction -Context $FsContext'
    while ($true) {
        foreach ($slot in $Slots) {
            if ($null -ne $slot['ps'] -or $queue.Count -eq 0) { continue }
            if ($null -eq $slot['runspace']) {
                $open = 0
                $slow = $true
                foreach ($s in $Slots) {
                    if ($null -eq $s['runspace']) { continue }
                    $open++
                    if ($null -eq $s['ps'] -or $s['clock'].ElapsedMilliseconds -lt $SpareAfterMs) { $slow = $false }
                }
                if ($open -gt 0 -and -not $slow) { continue }
                $slot['runspace'] = New-FsCheckRunspace -Functions $Functions -Variables $Variables
            }
            $item = $queue.Dequeue()
            $ps = [System.Management.Automation.PowerShell]::Create()
            $ps.Runspace = $slot['runspace']
            $null = $ps.AddScript($script).AddArgument($item['fn']).AddArgument($item['context'])
            $slot['item'] = $item
            $slot['ps'] = $ps
            $slot['clock'] = [System.Diagnostics.Stopwatch]::StartNew()
            $slot['handle'] = $ps.BeginInvoke()
        }
        $busy = New-Object System.Collections.ArrayList
        $closed = $false
        foreach ($s in $Slots) {
            if ($null -ne $s['ps']) { $null = $busy.Add($s) } elseif ($null -eq $s['runspace']) { $closed = $true }
        }
        if ($busy.Count -eq 0) { break }
        $wait = $BudgetMs
        $handles = New-Object 'System.Collections.Generic.List[System.Threading.WaitHandle]'
        foreach ($b in $busy) {
            $elapsed = $b['clock'].ElapsedMilliseconds
            $wait = [math]::Min($wait, $BudgetMs - $elapsed)
            # Wake when a slow check makes room for another slot.
            if ($closed -and $queue.Count -gt 0 -and $elapsed -lt $SpareAfterMs) { $wait = [math]::Min($wait, $SpareAfterMs - $elapsed) }
            $handles.Add($b['handle'].AsyncWaitHandle)
        }
        $null = [System.Threading.WaitHandle]::WaitAny($handles.ToArray(), [int][math]::Max(1, $wait))
        foreach ($b in $busy) {
            $id = $b['item']['id']
            if ($b['handle'].IsCompleted) {
                $result = $null
                try {
                    foreach ($o in $b['ps'].EndInvoke($b['handle'])) {
                        # -is looks through the PSObject wrapper (member access would read a dictionary key).
                        if ($o -is [System.Collections.IDictionary]) { $result = $o }
                    }
                } catch {
                    $result = New-FsCheckResult -Status error -Summary ('Check failed: ' + (Get-FsErrorMessage $_)) -Reason (Get-FsErrorMessage $_)
                }
                $b['ps'].Dispose()
            } elseif ($b['clock'].ElapsedMilliseconds -ge $BudgetMs) {
                # Never wait for the stop: a blocking .NET call may ignore it. Abandon the runspace instead.
                $null = $b['ps'].BeginStop($null, $null)
                $b['runspace'] = $null
                $seconds = ([double]$BudgetMs / 1000).ToString('0.#', [System.Globalization.CultureInfo]::InvariantCulture)
                $result = New-FsCheckResult -Status error -Summary ('Check exceeded its budget of ' + $seconds + ' s') -Reason ('exceeded its budget of ' + $seconds + ' s')
            } else { continue }
            $finished = Complete-FsCheckResult -Id $id -Result $result -Ms $b['clock'].ElapsedMilliseconds
            $Results[$b['item']['index']] = $finished
            if ($b['item']['report']) { Write-Output ($Marker + ' check ' + (ConvertTo-FsBase64Json -InputObject $finished)) }
            $b['ps'] = $null
            $b['handle'] = $null
            $b['item'] = $null
        }
    }
}

function Get-FsBundleFunction {
    <#
    .SYNOPSIS
        The functions a check runspace needs: every *-Fs* helper/probe (staged ones when active) and the registered checks.
    .PARAMETER CheckFunctions
        Names of the check functions.
    .EXAMPLE
        Get-FsBundleFunction -CheckFunctions @('Test-MarsDotnetVersion')
    #>
    [CmdletBinding()]
    param([string[]]$CheckFunctions = @())
    $all = $ExecutionContext.SessionState.InvokeCommand.GetCommands('*', [System.Management.Automation.CommandTypes]::Function, $true)
    @(foreach ($f in $all) {
        if ($f.Name -match '^[A-Za-z]+-Fs[A-Z]' -or $CheckFunctions -contains $f.Name) { @{ Name = $f.Name; Definition = $f.Definition } }
    })
}

function Invoke-FleetScanPack {
    <#
    .SYNOPSIS
        Remote entry point: runs a pack's host checks and writes framed result lines (see docs/ARCHITECTURE.md).
    .DESCRIPTION
        Decodes the payload (base64 of UTF-8 JSON: host, pack, checks, cloud, vars, controllerUtc,
        checkBudgetMs, marker), skips checks whose cloud, phase or required vars do not apply (the reason
        says which), runs the pack's fact checks (tag 'facts', e.g. mars-agent-detect) first and then the
        others, each within checkBudgetMs. Writes "<marker> check <base64 json>" per finished check and last
        "<marker> report <base64 json>" with the whole fleet-scan/host-report@1 document.
    .PARAMETER PayloadBase64
        The payload.
    .EXAMPLE
        Invoke-FleetScanPack -PayloadBase64 $payload
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$PayloadBase64)
    $started = [datetime]::UtcNow
    $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64
    $marker = [string]$payload['marker']
    $cloud = [string]$payload['cloud']
    $vars = $payload['vars']
    if ($vars -isnot [System.Collections.IDictionary]) { $vars = @{} }
    $controllerUtc = ConvertTo-FsUtcDate -Value $payload['controllerUtc']
    if ($null -eq $controllerUtc) { $controllerUtc = $started }
    $budgetMs = 20000
    if ($payload['checkBudgetMs']) { $budgetMs = [int]$payload['checkBudgetMs'] }
    $loaded = Get-FsRegisteredPack
    $pack = $loaded['Pack']
    $registry = $loaded['Registry']

    $staged = -not [string]::IsNullOrEmpty($env:FLEET_SCAN_STAGED_STATE)
    $shared = @{ FsPack = $pack }
    if ($staged) {
        Set-Variable -Name FsStagedReferenceUtc -Scope Global -Value $controllerUtc
        $shared['FsStagedState'] = Get-FsStagedState
        $shared['FsStagedReferenceUtc'] = $controllerUtc
    }
    $selected = @($payload['checks'] | Where-Object { $_ })
    $varContext = @{ Vars = $vars }
    $phase = [string](Resolve-FsVar -Context $varContext -Name 'phase')

    $plan = @()
    $index = 0
    foreach ($entry in $registry.Values) {
        $meta = $entry['Metadata']
        if ($meta['kind'] -ne 'host') { continue }
        $isFacts = @($meta['tags']) -contains 'facts'
        $wanted = ($selected.Count -eq 0) -or ($selected -contains $meta['id'])
        if (-not $wanted -and -not $isFacts) { continue }
        $skip = $null
        if (@($meta['clouds']) -notcontains $cloud) {
            $skip = 'not applicable to cloud ' + $cloud + ' (applies to ' + (@($meta['clouds']) -join ', ') + ')'
        } elseif (($phase -eq 'install' -and $meta['phase'] -eq 'registration') -or ($phase -eq 'registration' -and $meta['phase'] -eq 'install')) {
            $skip = $meta['phase'] + '-phase check; this run''s phase is ' + $phase
        } else {
            foreach ($name in @($meta['requires'])) {
                if (-not (Test-FsVarPresent (Resolve-FsVar -Context $varContext -Name $name))) { $skip = 'requires var ' + $name + ', which is not set for this host'; break }
            }
        }
        $plan += @{ id = $meta['id']; fn = $entry['Function']; index = $index; skip = $skip; facts = $isFacts; report = $wanted }
        $index++
    }
    foreach ($id in $selected) {
        if (-not $registry.Contains($id)) {
            $plan += @{ id = $id; fn = $null; index = $index; skip = ('no host check ' + $id + ' in pack ' + $pack['name']); facts = $false; report = $true }
            $index++
        }
    }

    $results = @{}
    # Up to two workers: the second opens only while a check waits (see Invoke-FsCheckRun).
    $slots = @(for ($n = 0; $n -lt 2; $n++) { @{ runspace = $null; ps = $null; handle = $null; item = $null; clock = $null } })
    $functions = Get-FsBundleFunction -CheckFunctions @($registry.Values | ForEach-Object { $_['Function'] })
    $newContext = {
        param($Facts)
        @{ Cloud = $cloud; Vars = $vars; ControllerUtc = $controllerUtc; Facts = $Facts; Host = [string]$payload['host'] }
    }
    foreach ($p in @($plan | Where-Object { $_['skip'] })) {
        $finished = Complete-FsCheckResult -Id $p['id'] -Result (New-FsCheckResult -Status skipped -Summary ('Skipped: ' + $p['skip']) -Reason $p['skip'])
        $results[$p['index']] = $finished
        if ($p['report']) { Write-Output ($marker + ' check ' + (ConvertTo-FsBase64Json -InputObject $finished)) }
    }

    # Fact checks first: the others read their facts.
    $factItems = @($plan | Where-Object { $_['facts'] -and -not $_['skip'] } | ForEach-Object { @{ id = $_['id']; fn = $_['fn']; index = $_['index']; report = $_['report']; context = (& $newContext $null) } })
    if ($factItems.Count) { Invoke-FsCheckRun -Items $factItems -BudgetMs $budgetMs -Marker $marker -Results $results -Functions $functions -Variables $shared -Slots @($slots[0]) }
    $facts = $null
    foreach ($f in $factItems) {
        $r = $results[$f['index']]
        if ($null -ne $r -and $r['status'] -ne 'error' -and $r['facts'] -is [System.Collections.IDictionary]) {
            if ($null -eq $facts) { $facts = @{} }
            foreach ($k in $r['facts'].Keys) { $facts[$k] = $r['facts'][$k] }
        }
    }
    $items = @($plan | Where-Object { -not $_['facts'] -and -not $_['skip'] } | ForEach-Object { @{ id = $_['id']; fn = $_['fn']; index = $_['index']; report = $true; context = (& $newContext $facts) } })
    if ($items.Count) { Invoke-FsCheckRun -Items $items -BudgetMs $budgetMs -Marker $marker -Results $results -Functions $functions -Variables $shared -Slots $slots }
    foreach ($slot in $slots) {
        # A runspace abandoned over budget is already $null; the others are idle now.
        if ($null -ne $slot['runspace']) { $slot['runspace'].Dispose() }
    }

    $computer = Get-FsComputerName
    $reportFacts = @{ staged = $staged; computerName = $computer['computerName']; dnsHostName = $computer['dnsHostName']; domain = $computer['domain'] }
    if ($null -ne $facts) { foreach ($k in $facts.Keys) { if (-not $reportFacts.Contains($k)) { $reportFacts[$k] = $facts[$k] } } }
    $ordered = @(for ($i = 0; $i -lt $index; $i++) { if ($plan[$i]['report'] -and $results.Contains($i)) { $results[$i] } })
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
        results      = $ordered
    }
    Write-Output ($marker + ' report ' + (ConvertTo-FsBase64Json -InputObject $report))
}

function Invoke-FleetScanFleetChecks {
    <#
    .SYNOPSIS
        Controller-side entry point for fleet checks: runs each kind 'fleet' check over all hosts at once.
    .DESCRIPTION
        Payload (base64 of UTF-8 JSON): marker, pack, checks (optional), hosts [ { name, cloud, status, vars,
        facts } ]. Pack var defaults fill the hosts' vars; hosts whose cloud does not apply or that lack a
        required var get skipped (the reason names it). Writes one line "<marker> fleet <base64 json>" with
        { schema: 'fleet-scan/fleet-report@1', pack, packVersion, startedUtc, finishedUtc, results: [ { host, id, status, ... } ] }.
    .PARAMETER PayloadBase64
        The payload.
    .EXAMPLE
        Invoke-FleetScanFleetChecks -PayloadBase64 $payload
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$PayloadBase64)
    $started = [datetime]::UtcNow
    $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64
    $marker = [string]$payload['marker']
    $loaded = Get-FsRegisteredPack
    $pack = $loaded['Pack']
    $registry = $loaded['Registry']
    $selected = @($payload['checks'] | Where-Object { $_ })
    $hosts = @()
    foreach ($h in @($payload['hosts'] | Where-Object { $null -ne $_ })) {
        $vars = @{}
        foreach ($name in $pack['vars'].Keys) { if ($null -ne $pack['vars'][$name]['default']) { $vars[$name] = $pack['vars'][$name]['default'] } }
        if ($h['vars'] -is [System.Collections.IDictionary]) { foreach ($k in $h['vars'].Keys) { if ($null -ne $h['vars'][$k]) { $vars[$k] = $h['vars'][$k] } } }
        $facts = $h['facts']
        if ($facts -isnot [System.Collections.IDictionary]) { $facts = @{} }
        $hosts += @{ name = [string]$h['name']; cloud = [string]$h['cloud']; status = [string]$h['status']; vars = $vars; facts = $facts }
    }
    $out = @()
    foreach ($entry in $registry.Values) {
        $meta = $entry['Metadata']
        if ($meta['kind'] -ne 'fleet') { continue }
        if ($selected.Count -and $selected -notcontains $meta['id']) { continue }
        $eligible = @()
        foreach ($h in $hosts) {
            $skip = $null
            if (@($meta['clouds']) -notcontains $h['cloud']) { $skip = 'not applicable to cloud ' + $h['cloud'] + ' (applies to ' + (@($meta['clouds']) -join ', ') + ')' }
            else {
                foreach ($name in @($meta['requires'])) {
                    if (-not (Test-FsVarPresent $h['vars'][$name])) { $skip = 'requires var ' + $name + ', which is not set for this host'; break }
                }
            }
            if ($skip) {
                $r = Complete-FsCheckResult -Id $meta['id'] -Result (New-FsCheckResult -Status skipped -Summary ('Skipped: ' + $skip) -Reason $skip)
                $r.Insert(0, 'host', $h['name'])
                $out += $r
            } else { $eligible += $h }
        }
        if ($eligible.Count -eq 0) { continue }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $table = $null
        $failure = $null
        try { $table = & $entry['Function'] -Hosts $eligible } catch { $failure = Get-FsErrorMessage $_ }
        foreach ($h in $eligible) {
            $result = $null
            if ($failure) { $result = New-FsCheckResult -Status error -Summary ('Check failed: ' + $failure) -Reason $failure }
            elseif ($table -is [System.Collections.IDictionary]) { $result = $table[$h['name']] }
            $r = Complete-FsCheckResult -Id $meta['id'] -Result $result -Ms $clock.ElapsedMilliseconds
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
    Write-Output ($marker + ' fleet ' + (ConvertTo-FsBase64Json -InputObject $document))
}
