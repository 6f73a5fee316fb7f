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
    param([string]$Id, $Result, [long]$Ms = 0)
    $cap = { param($s) $t = [string]$s; if ($t.Length -gt 4000) { $t = $t.Substring(0, 3997) + '...' }; $t }
    if ($Result -isnot [System.Collections.IDictionary] -or @('pass', 'warn', 'fail', 'skipped', 'error') -notcontains [string]$Result['status']) {
        $Result = New-FsCheckResult -Status error -Summary 'Check returned no valid result' -Evidence @('the check function returned no result built by New-FsCheckResult') -Reason 'the check function returned no result built by New-FsCheckResult'
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
