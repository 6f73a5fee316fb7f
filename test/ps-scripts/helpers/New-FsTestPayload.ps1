function New-FsTestPayload {
    <#
    .SYNOPSIS
        A host payload as the controller sends it, for the checks a test names, on the host a staged state describes.
    .DESCRIPTION
        Cloud and vars come from the state's inventory section; Cloud and Vars override them (a $null var
        removes it). Each named check is listed with report true and facts from its metadata tag 'facts';
        the pack's fact checks not named are added first with report false, unless NoFacts.
    .PARAMETER State
        The staged state.
    .PARAMETER Id
        The checks to run, in order.
    .PARAMETER Vars
        Vars to set (or, with $null, remove) over the state's inventory vars.
    .PARAMETER Cloud
        The host's cloud; default the state's inventory cloud, else public.
    .PARAMETER NoFacts
        Do not add the fact checks.
    .PARAMETER BudgetMs
        checkBudgetMs.
    .PARAMETER Marker
        The output marker.
    .EXAMPLE
        $payload = New-FsTestPayload -State (Get-FsTestState) -Id 'mars-dotnet-version' -Marker (New-FsTestMarker)
    #>
    param([hashtable]$State, [string[]]$Id = @(), [hashtable]$Vars = @{}, [string]$Cloud, [switch]$NoFacts, [int]$BudgetMs = 20000, [string]$Marker)
    $inventory = $State['inventory']
    if ($inventory -isnot [System.Collections.IDictionary]) { $inventory = @{} }
    $merged = @{}
    if ($inventory['vars'] -is [System.Collections.IDictionary]) { foreach ($k in $inventory['vars'].Keys) { $merged[$k] = $inventory['vars'][$k] } }
    foreach ($k in $Vars.Keys) { if ($null -eq $Vars[$k]) { $merged.Remove($k) } else { $merged[$k] = $Vars[$k] } }
    if (-not $Cloud) { $Cloud = 'public'; if ($inventory['cloud']) { $Cloud = [string]$inventory['cloud'] } }
    $factIds = @($global:FsCheckRegistry.Values | Where-Object { $_['Metadata']['kind'] -eq 'host' -and @($_['Metadata']['tags']) -contains 'facts' } | ForEach-Object { $_['Metadata']['id'] })
    $checks = New-Object System.Collections.ArrayList
    if (-not $NoFacts) { foreach ($f in $factIds) { if ($Id -notcontains $f) { $null = $checks.Add(@{ id = $f; facts = $true; report = $false }) } } }
    foreach ($i in $Id) { $null = $checks.Add(@{ id = $i; facts = ($factIds -contains $i); report = $true }) }
    @{ host = 'fs01'; pack = 'mars'; marker = $Marker; cloud = $Cloud; vars = $merged; controllerUtc = '2026-11-25T08:00:00.000Z'; checkBudgetMs = $BudgetMs; checks = $checks.ToArray() }
}
