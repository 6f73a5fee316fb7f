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
    if ($Result -isnot [System.Collections.IDictionary] -or @('pass', 'warn', 'fail', 'skipped', 'error') -notcontains [string]$Result['status']) {
        $Result = New-FsCheckResult -Status error -Summary 'Check returned no valid result' -Evidence @('the check function returned no result built by New-FsCheckResult') -Reason 'the check function returned no result built by New-FsCheckResult'
    }
    # Every text capped at 4,000 characters, inline: a script block call per line costs more than the cap.
    $summary = [string]$Result['summary']
    if ($summary.Length -gt 4000) { $summary = $summary.Substring(0, 3997) + '...' }
    $out = [ordered]@{ id = $Id; status = [string]$Result['status']; summary = $summary }
    $evidence = New-Object System.Collections.ArrayList
    foreach ($line in @($Result['evidence'])) {
        if ($null -eq $line) { continue }
        if ($evidence.Count -ge 200) { break }
        $text = [string]$line
        if ($text.Length -gt 4000) { $text = $text.Substring(0, 3997) + '...' }
        $null = $evidence.Add($text)
    }
    $out['evidence'] = $evidence.ToArray()
    if ($Result['reason']) {
        $reason = [string]$Result['reason']
        if ($reason.Length -gt 4000) { $reason = $reason.Substring(0, 3997) + '...' }
        $out['reason'] = $reason
    }
    $out['ms'] = [long]$Ms
    if ($Result['facts'] -is [System.Collections.IDictionary]) { $out['facts'] = $Result['facts'] }
    $out
}
