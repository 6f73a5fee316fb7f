function Invoke-FsTestPack {
    <#
    .SYNOPSIS
        Runs one host check through the real entry point on a staged host and returns its result as the controller receives it.
    .DESCRIPTION
        The payload lists the check (and, unless NoFacts, the pack's fact checks with report false), so the
        check runs the way a target runs it: its own runspace, StrictMode, its budget, facts from the fact
        checks, result completion. Returns the check's result from the host report (id, status, summary,
        evidence, reason, ms, facts), after making sure its check line says the same.
    .PARAMETER Id
        The check under test.
    .PARAMETER State
        The staged state.
    .PARAMETER Vars
        Vars to set (or, with $null, remove) over the state's inventory vars.
    .PARAMETER Cloud
        The host's cloud; default the state's inventory cloud, else public.
    .PARAMETER NoFacts
        Run without the fact checks, so $Context.Facts is $null.
    .PARAMETER BudgetMs
        The check's budget.
    .EXAMPLE
        $r = Invoke-FsTestPack -Id 'mars-dotnet-version' -State (Get-FsTestState); $r.status
    #>
    param([string]$Id, [hashtable]$State, [hashtable]$Vars = @{}, [string]$Cloud, [switch]$NoFacts, [int]$BudgetMs = 20000)
    $payload = New-FsTestPayload -State $State -Id $Id -Vars $Vars -Cloud $Cloud -NoFacts:$NoFacts -BudgetMs $BudgetMs -Marker (New-FsTestMarker)
    $run = Invoke-FsTestEntry -State $State -Payload $payload
    $results = @($run['report']['results'])
    if ($results.Count -ne 1 -or $results[0]['id'] -ne $Id) { throw ('the report holds ' + (@($results | ForEach-Object { $_['id'] }) -join ', ') + ', not ' + $Id + ' alone') }
    if ($run['checks'].Count -ne 1 -or (ConvertTo-FsJson $run['checks'][0]) -ne (ConvertTo-FsJson $results[0])) { throw ('the check line of ' + $Id + ' differs from its report entry') }
    $results[0]
}
