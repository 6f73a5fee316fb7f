function Resolve-FsEndpointName {
    <#
    .SYNOPSIS
        Step 1 of the endpoint probes: resolves every name once, all lookups at once, within one deadline.
    .DESCRIPTION
        Answers a hashtable name -> @{ addresses = every address as text, in resolver order; error = $null,
        'timeout', 'no address' or the resolver's message }.
    .PARAMETER Names
        The names (duplicates are looked up once).
    .PARAMETER Deadline
        UTC instant the step ends.
    .EXAMPLE
        (Resolve-FsEndpointName -Names @('login.microsoftonline.com') -Deadline $d)['login.microsoftonline.com']['addresses']
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Names, [Parameter(Mandatory = $true)][datetime]$Deadline)
    $lookups = [ordered]@{}
    foreach ($name in $Names) {
        if ($lookups.Contains($name)) { continue }
        try { $lookups[$name] = Start-FsDnsLookup -HostName $name }
        catch { $lookups[$name] = $_.Exception.GetBaseException().Message }
    }
    $answers = @{}
    foreach ($name in @($lookups.Keys)) {
        $task = $lookups[$name]
        if ($task -is [string]) { $answers[$name] = @{ addresses = @(); error = $task }; continue }
        Wait-FsTask -Task $task -Deadline $Deadline
        $answer = @{ addresses = @(); error = $null }
        if ($task.Status -eq 'RanToCompletion') { $answer['addresses'] = @($task.Result | ForEach-Object { $_.ToString() }) }
        elseif ($task.IsFaulted) { $answer['error'] = Get-FsTaskError -Task $task }
        else { $answer['error'] = 'timeout' }
        if (-not $answer['error'] -and @($answer['addresses']).Count -eq 0) { $answer['error'] = 'no address' }
        $answers[$name] = $answer
    }
    $answers
}
