function Get-FsHostPlan {
    <#
    .SYNOPSIS
        Turns the payload's check list into run entries, in list order; an id the pack has no host check for carries its error.
    .DESCRIPTION
        The controller decided which checks apply, so nothing is filtered here. Each entry holds id, index
        (its place in the list, which is also its place in the report), fn (the check function), facts (run
        first; its facts go to the others), report (write its result) and error (why it cannot run).
    .PARAMETER Checks
        The payload's checks: [ { id, facts, report } ]. facts defaults to false and report to true.
    .PARAMETER Registry
        The registered checks (Get-FsRegisteredPack).
    .PARAMETER PackName
        The loaded pack's name, for the error message.
    .EXAMPLE
        $plan = @(Get-FsHostPlan -Checks $payload['checks'] -Registry $loaded['Registry'] -PackName 'mars')
    #>
    param($Checks, $Registry, [string]$PackName)
    if ($Checks -isnot [System.Collections.IList]) { throw 'payload has no checks list' }
    $index = 0
    foreach ($check in $Checks) {
        if ($check -isnot [System.Collections.IDictionary] -or -not [string]$check['id']) { throw ('payload checks[' + $index + '] has no id') }
        $id = [string]$check['id']
        $entry = @{ id = $id; index = $index; fn = $null; facts = ($check['facts'] -eq $true); report = ($check['report'] -ne $false); error = $null }
        if ($Registry.Contains($id) -and $Registry[$id]['Metadata']['kind'] -eq 'host') { $entry['fn'] = $Registry[$id]['Function'] }
        else { $entry['error'] = 'no host check ' + $id + ' in pack ' + $PackName }
        $entry
        $index++
    }
}
