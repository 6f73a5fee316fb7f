$FsFixMetadata = @'
{
  "check": "mars-agent-installed",
  "title": "Start the agent's stopped services (obengine, the management agent)",
  "statuses": ["warn"],
  "evidence": "^(obengine|management agent) is ",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot"
}
'@

function Repair-MarsAgentInstalled {
    <#
    .SYNOPSIS
        Starts the MARS engine service (obengine) and the Recovery Services management agent when they are installed but not running.
    .DESCRIPTION
        Only for an installed agent whose services are stopped (the check's warning); an agent that is
        missing or broken needs a reinstall, which the plan lists as a step.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsAgentInstalled -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    foreach ($name in @('obengine', 'OBRecoveryServicesManagementAgent')) {
        $service = Get-FsService -Name $name
        if ($null -eq $service) { continue }
        Invoke-FsFixAction -Fix $Fix -Action 'Start the service' -Target ('service ' + $name) -Needed ($service['status'] -ne 'Running') -Found ($name + ' ' + $service['status']) -Command Start-FsFixService -Arguments @{ Name = $name }
    }
}
