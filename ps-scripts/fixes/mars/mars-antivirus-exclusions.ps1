$FsFixMetadata = @'
{
  "check": "mars-antivirus-exclusions",
  "title": "Exclude the agent's cache and Bin folders and cbengine.exe from Microsoft Defender",
  "statuses": ["warn"],
  "evidence": "^not excluded: ",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot"
}
'@

function Repair-MarsAntivirusExclusions {
    <#
    .SYNOPSIS
        Adds the Microsoft Defender exclusions the agent needs and does not have yet: the cache (scratch) folder, <install folder>\Bin and the process cbengine.exe.
    .DESCRIPTION
        The folders come from the agent's own registry (Setup\InstallPath, Config\ScratchLocation), else the
        installer's defaults. A folder counts as excluded when an exclusion names it or a folder above it.
        Only while Defender is the active antivirus with readable exclusions; otherwise a step for a person.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsAntivirusExclusions -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    $defender = Get-FsDefenderState
    if (-not $defender['active'] -or -not $defender['exclusionsReadable']) {
        Write-FsFixStep -Fix $Fix -Text ('Defender cannot take the exclusions here (' + $defender['note'] + '): add <install folder>\Bin, the cache folder and cbengine.exe to the antivirus in use')
        return
    }
    $install = [string](Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Setup' -Name 'InstallPath')
    if (-not $install) { $install = (Get-FsKnownFolder -Name ProgramFiles) + '\Microsoft Azure Recovery Services Agent' }
    $install = $install.TrimEnd('\')
    $cache = [string](Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config' -Name 'ScratchLocation')
    if (-not $cache) { $cache = $install + '\Scratch' }
    $excluded = @($defender['exclusionPath'] | ForEach-Object { ([string]$_).TrimEnd('*').TrimEnd('\') } | Where-Object { $_ })
    foreach ($folder in @($cache.TrimEnd('\'), ($install + '\Bin'))) {
        $by = @($excluded | Where-Object { [string]::Equals($_, $folder, [System.StringComparison]::OrdinalIgnoreCase) -or $folder.StartsWith($_ + '\', [System.StringComparison]::OrdinalIgnoreCase) }) | Select-Object -First 1
        Invoke-FsFixAction -Fix $Fix -Action ('Exclude the folder ' + $folder) -Target 'Microsoft Defender Antivirus' -Needed (-not $by) -Found $(if ($by) { 'excluded by ' + $by } else { 'not excluded' }) -Command Add-FsFixDefenderExclusion -Arguments @{ Path = $folder }
    }
    $processes = @($defender['exclusionProcess'] | ForEach-Object { ([string]$_).Split('\')[-1] })
    $has = [bool]($processes | Where-Object { $_ -eq 'cbengine.exe' })
    Invoke-FsFixAction -Fix $Fix -Action 'Exclude the process cbengine.exe' -Target 'Microsoft Defender Antivirus' -Needed (-not $has) -Found $(if ($has) { 'excluded' } else { 'not excluded' }) -Command Add-FsFixDefenderExclusion -Arguments @{ Process = 'cbengine.exe' }
}
