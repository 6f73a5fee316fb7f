<#
.SYNOPSIS
    mars-agent-detect: finds the MARS agent and returns its facts for the other checks.
.DESCRIPTION
    Runs first on every host. Reads the agent root key, Setup\InstallPath, cbengine.exe's file version, the
    MSI Uninstall entry (product code from UninstallString, else from the key name, which Windows Installer
    names after the product code), both ScratchLocation values, the registration values (ServiceResourceName,
    ResourceId, MachineId), the obengine and management agent services, the MSOnlineBackup module folder and
    a DPM/MABS install. It also samples the host clock (hostClockUtc), as early in the run as a check gets,
    for mars-clock-skew and the controller (warns when it cannot). Never fails on its own; a registry read
    that throws makes it error.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsAgentDetect -Context $context   # status pass, facts.installed = $true, facts.agentVersion = '2.0.9300.0'
#>
$FsCheckMetadata = @'
{
  "id": "mars-agent-detect",
  "title": "MARS agent detection (facts for the other checks)",
  "failure": "MARS agent facts unreadable",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "info",
  "kind": "host",
  "description": "Detects whether the MARS agent is installed, where, which version, its cache folder, service state and vault registration. Other checks use these facts; this check never fails on its own.",
  "remediation": "No action: this check only collects facts. If it reports error, the scanning account could not read HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup; scan with an administrator account.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["facts", "agent"],
  "requires": []
}
'@

function Test-MarsAgentDetect {
    param($Context)
    # The earliest host clock a check can take; a failure here must not cost the agent facts.
    $hostClockUtc = $null
    $clockError = $null
    try { $hostClockUtc = (Get-FsClockSample)['hostUtc'] } catch { $clockError = ($_.Exception.GetBaseException().Message -replace '\s*[\r\n]+\s*', ' ').Trim() }
    $root = 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup'
    $installed = Test-FsRegistryKey -Path $root
    $setup = Get-FsRegistryValue -Path ($root + '\Setup')
    $config = Get-FsRegistryValue -Path ($root + '\Config')
    $provider = Get-FsRegistryValue -Path ($root + '\Config\CloudBackupProvider')
    if ($null -eq $setup) { $setup = @{} }
    if ($null -eq $config) { $config = @{} }
    if ($null -eq $provider) { $provider = @{} }

    $installPath = $null
    if ($setup['InstallPath']) { $installPath = ([string]$setup['InstallPath']).TrimEnd('\') }
    $engineExists = $false
    $agentVersion = $null
    $moduleFound = $false
    if ($installPath) {
        $engine = Get-FsItemInfo -Path ($installPath + '\bin\cbengine.exe')
        $engineExists = [bool]$engine['exists']
        if ($engine['fileVersion']) { $agentVersion = [string]$engine['fileVersion'] }
        $moduleFound = [bool](Get-FsItemInfo -Path ($installPath + '\bin\Modules\MSOnlineBackup'))['exists']
    }
    $msi = @(Get-FsUninstallEntry -DisplayName 'Microsoft Azure Recovery Services Agent') | Select-Object -First 1
    $msiVersion = $null
    $productCode = $null
    if ($msi) {
        $msiVersion = $msi['displayVersion']
        if ([string]$msi['uninstallString'] -match '(\{[0-9A-Fa-f-]{36}\})') { $productCode = $Matches[1] }
        elseif ([string]$msi['key'] -match '^\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\}$') { $productCode = [string]$msi['key'] }
    }
    if (-not $agentVersion -and $msiVersion) { $agentVersion = [string]$msiVersion }
    $engineService = Get-FsService -Name obengine
    $managementService = Get-FsService -DisplayName 'Microsoft Azure Recovery Services Management Agent'
    $dpm = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Setup' -Name InstallPath

    $facts = @{
        installed               = [bool]$installed
        installPath             = $installPath
        engineExists            = $engineExists
        agentVersion            = $agentVersion
        msiVersion              = $msiVersion
        msiProductCode          = $productCode
        moduleFound             = $moduleFound
        scratchLocation         = $config['ScratchLocation']
        providerScratchLocation = $provider['ScratchLocation']
        serviceResourceName     = $config['ServiceResourceName']
        resourceId              = $config['ResourceId']
        machineId               = $config['MachineId']
        engineServiceStatus     = $null
        managementServiceStatus = $null
        dpmInstallPath          = $dpm
        hostClockUtc            = $hostClockUtc
    }
    if ($engineService) { $facts['engineServiceStatus'] = $engineService['status'] }
    if ($managementService) { $facts['managementServiceStatus'] = $managementService['status'] }

    $evidence = @()
    if (-not $installed) {
        $evidence += 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent'
        if ($clockError) {
            return New-FsCheckResult -Status warn -Summary 'MARS agent not installed; host clock not sampled' -Evidence ($evidence + @('host clock sample failed: ' + $clockError)) -Facts $facts
        }
        return New-FsCheckResult -Status pass -Summary 'MARS agent not installed' -Evidence $evidence -Facts $facts
    }
    $evidence += 'InstallPath ' + $(if ($installPath) { $installPath } else { 'absent' })
    $evidence += 'cbengine.exe version ' + $(if ($agentVersion) { $agentVersion } else { 'unknown' })
    $evidence += 'obengine ' + $(if ($engineService) { $engineService['status'] } else { 'service missing' })
    if ($facts['serviceResourceName']) { $evidence += 'registered to vault ' + $facts['serviceResourceName'] }
    if ($productCode) { $evidence += 'product code ' + $productCode }
    if ($dpm) { $evidence += 'managed by DPM/MABS at ' + $dpm }
    $summary = 'MARS agent ' + $(if ($agentVersion) { $agentVersion } else { '(version unknown)' }) + ' installed'
    if ($installPath) { $summary += ' at ' + $installPath }
    if ($clockError) {
        return New-FsCheckResult -Status warn -Summary ($summary + '; host clock not sampled') -Evidence ($evidence + @('host clock sample failed: ' + $clockError)) -Facts $facts
    }
    New-FsCheckResult -Status pass -Summary $summary -Evidence $evidence -Facts $facts
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsAgentDetect'
