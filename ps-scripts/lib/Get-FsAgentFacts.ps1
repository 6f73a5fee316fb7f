function Get-FsAgentFacts {
    <#
    .SYNOPSIS
        The facts mars-agent-detect returned for this host; throws when it did not run or failed.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        $facts = Get-FsAgentFacts -Context $Context; if (-not $facts['installed']) { ... }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $facts = $Context['Facts']
    if ($null -eq $facts -or -not $facts.Contains('installed')) {
        throw 'agent facts unavailable: mars-agent-detect did not return facts on this host'
    }
    $facts
}
