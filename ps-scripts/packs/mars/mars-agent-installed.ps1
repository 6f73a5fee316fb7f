<#
.SYNOPSIS
    mars-agent-installed: agent installed, engine service present and running.
.DESCRIPTION
    Uses the facts of mars-agent-detect. Fails when InstallPath, bin\cbengine.exe, the obengine service or
    the MSOnlineBackup module is missing; warns when obengine or the management agent is not Running.
    Skipped ("agent not installed yet") when no agent is installed and the run's phase is both.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsAgentInstalled -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-agent-installed",
  "title": "Agent installed and engine service running",
  "failure": "MARS agent missing or engine service not running",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Registration needs an installed agent: InstallPath, bin\\cbengine.exe, the obengine service and the MSOnlineBackup PowerShell module; the engine service has to be running. With phase both and no agent yet the check is skipped until the agent is installed.",
  "remediation": "(Re)install the MARS agent from https://aka.ms/azurebackup_agent; if obengine is stopped run 'net start obengine'.",
  "source": "https://learn.microsoft.com/azure/backup/scripts/install-latest-microsoft-azure-recovery-services-agent",
  "tags": ["agent"],
  "requires": []
}
'@

function Test-MarsAgentInstalled {
    param($Context)
    $facts = Get-FsAgentFacts -Context $Context
    $skip = Get-FsAgentSkip -Context $Context
    if ($skip) { return $skip }
    if (-not $facts['installed']) {
        return New-FsCheckResult -Status fail -Summary 'MARS agent not installed' -Evidence @('HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent; phase ' + (Resolve-FsVar -Context $Context -Name 'phase') + ' needs an installed agent')
    }
    $problems = @()
    if (-not $facts['installPath']) { $problems += 'Setup\InstallPath absent' }
    elseif (-not $facts['engineExists']) { $problems += ($facts['installPath'] + '\bin\cbengine.exe missing') }
    if (-not $facts['engineServiceStatus']) { $problems += 'obengine service missing' }
    if ($facts['installPath'] -and -not $facts['moduleFound']) { $problems += 'MSOnlineBackup module folder missing' }
    if ($problems.Count) {
        return New-FsCheckResult -Status fail -Summary ('MARS agent not usable: ' + $problems[0]) -Evidence $problems
    }
    $evidence = @(('cbengine.exe at ' + $facts['installPath'] + '\bin'), ('obengine ' + $facts['engineServiceStatus']), 'MSOnlineBackup module present')
    $warnings = @()
    if ($facts['engineServiceStatus'] -ne 'Running') { $warnings += ('obengine is ' + $facts['engineServiceStatus']) }
    if ($facts['managementServiceStatus'] -and $facts['managementServiceStatus'] -ne 'Running') { $warnings += ('management agent is ' + $facts['managementServiceStatus']) }
    if ($warnings.Count) {
        return New-FsCheckResult -Status warn -Summary ('MARS agent installed but ' + ($warnings -join ', ')) -Evidence ($evidence + $warnings)
    }
    New-FsCheckResult -Status pass -Summary 'MARS agent installed and obengine running' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsAgentInstalled'
