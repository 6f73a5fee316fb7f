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
                    $result = New-FsCheckResult -Status error -Summary ('Check failed: ' + (Get-FsErrorMessage $_)) -Evidence @('error: ' + (Get-FsErrorMessage $_)) -Reason (Get-FsErrorMessage $_)
                }
                $b['ps'].Dispose()
            } elseif ($b['clock'].ElapsedMilliseconds -ge $BudgetMs) {
                # Never wait for the stop: a blocking .NET call may ignore it. Abandon the runspace instead.
                $null = $b['ps'].BeginStop($null, $null)
                $b['runspace'] = $null
                $seconds = ([double]$BudgetMs / 1000).ToString('0.#', [System.Globalization.CultureInfo]::InvariantCulture)
                $result = New-FsCheckResult -Status error -Summary ('Check exceeded its budget of ' + $seconds + ' s') -Evidence @('stopped after ' + $seconds + ' s, its budget') -Reason ('exceeded its budget of ' + $seconds + ' s')
            } else { continue }
            $finished = Complete-FsCheckResult -Id $id -Result $result -Ms $b['clock'].ElapsedMilliseconds
            $Results[$b['item']['index']] = $finished
            if ($b['item']['report']) { Write-Output (Format-FsFrame $Marker 'check' $finished) }
            $b['ps'] = $null
            $b['handle'] = $null
            $b['item'] = $null
        }
    }
}
