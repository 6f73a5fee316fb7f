function Get-FsAgentSkip {
    <#
    .SYNOPSIS
        The skipped result for a check that needs an installed agent when none is installed yet and the run
        prepares for both phases; $null when the check should run.
    .DESCRIPTION
        Before a rollout (phase = both) most hosts have no agent: a registration check that needs one would
        fail every host and say nothing about whether it can be installed. With phase = registration the
        missing agent is a real finding and the check runs (and fails). Throws when the agent facts are missing.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        $skip = Get-FsAgentSkip -Context $Context; if ($skip) { return $skip }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $facts = Get-FsAgentFacts -Context $Context
    if ($facts['installed']) { return $null }
    $phase = [string](Resolve-FsVar -Context $Context -Name 'phase')
    if ($phase -ne 'both') { return $null }
    New-FsCheckResult -Status skipped -Summary 'MARS agent not installed yet' -Reason 'agent not installed yet' -Evidence @('HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent; phase both: judged after the install')
}
