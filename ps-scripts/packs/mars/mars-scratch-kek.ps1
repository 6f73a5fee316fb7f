<#
.SYNOPSIS
    mars-scratch-kek: the encryption state in the scratch folder is intact.
.DESCRIPTION
    Skipped when the agent is not installed yet. Fails when the two ScratchLocation values differ or the
    folder is missing, and, when the host is registered (ServiceResourceName or ResourceId; MachineId alone
    is not a registration), when <scratch>\OnlineBackup.KEK is missing.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsScratchKek -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-scratch-kek",
  "title": "Scratch folder and OnlineBackup.KEK intact",
  "failure": "Scratch folder or OnlineBackup.KEK missing or inconsistent",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Errors 0x1FC07 and 34506 ('passphrase not correctly configured', 'failed to set the encryption key') come from a scratch folder moved incorrectly, ScratchLocation values that disagree, or a missing OnlineBackup.KEK.",
  "remediation": "Point both ScratchLocation values at the real cache folder, restore OnlineBackup.KEK if it was lost and upgrade the agent; otherwise unregister and register again (a new passphrase only if no old recovery points are needed).",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["registration", "cache", "encryption"],
  "requires": []
}
'@

function Test-MarsScratchKek {
    param($Context)
    $facts = Get-FsAgentFacts -Context $Context
    if (-not $facts['installed']) {
        return New-FsCheckResult -Status skipped -Summary 'MARS agent not installed yet' -Reason 'agent not installed yet' -Evidence @('HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent: no scratch folder yet')
    }
    $config = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config' -Name 'ScratchLocation'
    $provider = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config\CloudBackupProvider' -Name 'ScratchLocation'
    $show = { param($v) if ($v) { [string]$v } else { 'absent' } }
    $evidence = @('ScratchLocation Config=' + (& $show $config) + ', CloudBackupProvider=' + (& $show $provider))
    if (-not (Test-FsSamePath $config $provider)) {
        return New-FsCheckResult -Status fail -Summary 'ScratchLocation values differ' -Evidence ($evidence + @('Config ' + (& $show $config) + ' <> CloudBackupProvider ' + (& $show $provider)))
    }
    $scratch = ([string]$config).TrimEnd('\')
    if (-not (Get-FsItemInfo -Path $scratch)['exists']) {
        return New-FsCheckResult -Status fail -Summary ('Scratch folder ' + $scratch + ' is missing') -Evidence ($evidence + @($scratch + ' not found'))
    }
    # MachineId identifies the machine, not a registration: only the vault values prove one.
    $registered = $facts['serviceResourceName'] -or $facts['resourceId']
    $kek = $scratch + '\OnlineBackup.KEK'
    $kekExists = (Get-FsItemInfo -Path $kek)['exists']
    if ($registered -and -not $kekExists) {
        return New-FsCheckResult -Status fail -Summary 'Registered but OnlineBackup.KEK is missing' -Evidence ($evidence + @('registration present, ' + $kek + ' missing'))
    }
    $evidence += ('registration ' + $(if ($registered) { 'present (ServiceResourceName/ResourceId)' } else { 'absent (no ServiceResourceName or ResourceId)' }))
    $evidence += ($kek + ' ' + $(if ($kekExists) { 'present' } else { 'absent (no registration yet)' }))
    New-FsCheckResult -Status pass -Summary 'Scratch folder and encryption state are consistent' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsScratchKek'
