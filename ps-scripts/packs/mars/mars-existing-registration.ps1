<#
.SYNOPSIS
    mars-existing-registration: the host is not already registered to another vault.
.DESCRIPTION
    Reads ServiceResourceName, ResourceId and MachineId under Windows Azure Backup\Config. Passes when
    neither ServiceResourceName nor ResourceId exists (MachineId alone identifies the machine, not a
    registration, and is only reported); fails when registered to a vault other than vaultName; warns on
    re-registration to the same vault, on a ResourceId without a vault name, and when vaultName is not given.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsExistingRegistration -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-existing-registration",
  "title": "Host not already registered to another vault",
  "failure": "Already registered to another vault",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "A server registered to one vault cannot register to another (ID 100110, 'Failed to set the encryption key'). Re-registration to the same vault needs the original passphrase; the seeds ask to uninstall the agent and delete the server from the vault first.",
  "remediation": "Target the vault the server is already registered to, or unregister it (delete the server from the old vault, uninstall the agent) before registering to the new vault; keep the original passphrase for re-registration.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-upgrade-backup-to-recovery-services",
  "tags": ["registration"],
  "requires": []
}
'@

function Test-MarsExistingRegistration {
    param($Context)
    $config = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config'
    if ($null -eq $config) { $config = @{} }
    $registered = $config['ServiceResourceName']
    $resourceId = $config['ResourceId']
    $vault = Resolve-FsVar -Context $Context -Name 'vaultName'
    $machineLine = $null
    # MachineId names the machine; no public source ties it to a registration, so it never counts as one.
    if ($config['MachineId']) { $machineLine = 'MachineId ' + $config['MachineId'] + ' present (machine identity, not proof of a registration)' }
    if (-not $registered -and -not $resourceId) {
        return New-FsCheckResult -Status pass -Summary 'Not registered to any vault (fresh registration)' -Evidence @(@('Config has no ServiceResourceName or ResourceId') + @($machineLine))
    }
    if (-not $registered) {
        return New-FsCheckResult -Status warn -Summary 'Leftover registration values without a vault name' -Evidence @(@('Config has ResourceId ' + $resourceId + ' but no ServiceResourceName') + @($machineLine))
    }
    $line = 'registered to vault ' + $registered
    if (-not (Test-FsVarPresent $vault)) {
        return New-FsCheckResult -Status warn -Summary ('Registered to vault ' + $registered + '; vaultName not given to compare') -Evidence @($line) -Reason 'vaultName is not set'
    }
    if (-not [string]::Equals([string]$registered, [string]$vault, [System.StringComparison]::OrdinalIgnoreCase)) {
        return New-FsCheckResult -Status fail -Summary ('Already registered to vault ' + $registered + ', not ' + $vault) -Evidence @($line + ', target vault ' + $vault)
    }
    New-FsCheckResult -Status warn -Summary ('Re-registration to ' + $vault + ': the original passphrase is required') -Evidence @($line + ' = target vault ' + $vault)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsExistingRegistration'
