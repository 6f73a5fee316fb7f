<#
.SYNOPSIS
    mars-agent-version: the installed agent is new enough.
.DESCRIPTION
    Skipped when no agent is installed. Registration (phase registration or both): fails below
    marsMinimumVersion (2.0.9249.0, vault credentials parse only from there), warns below
    marsLatestKnownVersion. Install phase (the installer will upgrade): warns about the upgrade and when
    the cached MSI (InstallProperties\LocalPackage) is missing (error 1612), passes at the latest version.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsAgentVersion -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-agent-version",
  "title": "Installed agent is new enough",
  "failure": "MARS agent too old to register",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "Agents older than 2.0.9249.0 cannot read current vault credentials (older than 2.0.9083.0 also fail with 0x1FBD3). Upgrades fail with error 1612 when the cached MSI is missing.",
  "remediation": "Upgrade to the latest agent from https://aka.ms/azurebackup_agent; for error 1612 restore the cached MSI as described in KB 4020490.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-file-folder-backup-faq",
  "tags": ["agent", "version"],
  "requires": []
}
'@

function Test-MarsAgentVersion {
    param($Context)
    $facts = Get-FsAgentFacts -Context $Context
    if (-not $facts['installed']) {
        return New-FsCheckResult -Status skipped -Summary 'MARS agent not installed yet' -Reason 'agent not installed yet' -Evidence @('HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent: the installer will put the current version')
    }
    if (-not $facts['agentVersion']) {
        return New-FsCheckResult -Status skipped -Summary 'Installed agent version unknown' -Reason 'agent version unknown: cbengine.exe has no file version and the Uninstall entry no DisplayVersion' -Evidence @('InstallPath ' + $(if ($facts['installPath']) { $facts['installPath'] } else { 'absent' }))
    }
    $text = [string]$facts['agentVersion']
    $version = ConvertTo-FsVersion $text
    if ($null -eq $version) { throw ('unreadable agent version: ' + $text) }
    $minimumText = [string](Resolve-FsVar -Context $Context -Name 'marsMinimumVersion')
    $latestText = [string](Resolve-FsVar -Context $Context -Name 'marsLatestKnownVersion')
    $minimum = ConvertTo-FsVersion $minimumText
    $latest = ConvertTo-FsVersion $latestText
    $phase = [string](Resolve-FsVar -Context $Context -Name 'phase')
    if ($phase -eq 'install') {
        if ($version -ge $latest) {
            return New-FsCheckResult -Status pass -Summary ('Agent ' + $text + ' is already the latest known') -Evidence @('agent ' + $text + ' >= ' + $latestText)
        }
        $evidence = @('agent ' + $text + ' < ' + $latestText + ': the installer will upgrade it')
        if (-not $facts['msiProductCode']) {
            return New-FsCheckResult -Status warn -Summary ('Upgrade from ' + $text + ' to ' + $latestText + '; cached MSI not checked') -Evidence ($evidence + @('product code unknown (no GUID in UninstallString or the Uninstall key name): the cached MSI (error 1612) could not be checked'))
        }
        $packed = ConvertTo-FsPackedGuid -Guid $facts['msiProductCode']
        $package = Get-FsRegistryValue -Path ('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UserData\S-1-5-18\Products\' + $packed + '\InstallProperties') -Name 'LocalPackage'
        $evidence += ('product code ' + $facts['msiProductCode'])
        if (-not $package -or -not (Get-FsItemInfo -Path $package)['exists']) {
            $where = 'LocalPackage not recorded'
            if ($package) { $where = 'LocalPackage ' + $package + ' missing' }
            return New-FsCheckResult -Status warn -Summary ('Upgrade from ' + $text + ' will fail with error 1612: cached MSI missing') -Evidence ($evidence + @($where))
        }
        return New-FsCheckResult -Status warn -Summary ('Upgrade from ' + $text + ' to ' + $latestText) -Evidence ($evidence + @('cached MSI ' + $package + ' present'))
    }
    if ($version -lt $minimum) {
        return New-FsCheckResult -Status fail -Summary ('Agent ' + $text + ' is too old to register') -Evidence @('agent ' + $text + ' < ' + $minimumText + ' (minimum to read vault credentials)')
    }
    if ($version -lt $latest) {
        return New-FsCheckResult -Status warn -Summary ('Agent ' + $text + ' is older than the latest known ' + $latestText) -Evidence @('agent ' + $text + ' < ' + $latestText)
    }
    New-FsCheckResult -Status pass -Summary ('Agent ' + $text + ' is up to date') -Evidence @('agent ' + $text + ' >= ' + $latestText)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsAgentVersion'
