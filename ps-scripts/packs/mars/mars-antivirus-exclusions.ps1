<#
.SYNOPSIS
    mars-antivirus-exclusions: Microsoft Defender excludes the agent's folders and cbengine.exe.
.DESCRIPTION
    With Defender real-time protection on, warns unless ExclusionPath covers the cache folder and
    <InstallPath>\Bin (exact path or a parent) and ExclusionProcess contains cbengine.exe. Skipped when
    Defender is absent or real-time protection is off (third-party antivirus cannot be inspected).
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsAntivirusExclusions -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-antivirus-exclusions",
  "title": "Antivirus excludes the agent folders and cbengine.exe",
  "failure": "Antivirus does not exclude the agent folders or cbengine.exe",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "host",
  "description": "Antivirus scanning can block MARS registration and backups (ID 100050). Only Microsoft Defender can be inspected: its exclusions must cover the cache folder, <InstallPath>\\Bin and the cbengine.exe process.",
  "remediation": "Exclude <InstallPath>\\Scratch\\*, <InstallPath>\\Bin\\* and the process cbengine.exe in the antivirus product.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["antivirus"],
  "requires": []
}
'@

function Test-MarsAntivirusExclusions {
    param($Context)
    $defender = Get-FsDefenderPreference
    if (-not $defender['present']) {
        return New-FsCheckResult -Status skipped -Summary 'Microsoft Defender not present' -Reason 'Microsoft Defender not present; other antivirus products cannot be inspected'
    }
    if (-not $defender['realtime']) {
        return New-FsCheckResult -Status skipped -Summary 'Defender real-time protection is off' -Reason 'Defender real-time protection is off'
    }
    $install = Resolve-FsInstallPath -Context $Context
    $needed = @((Resolve-FsCachePath -Context $Context), ($install + '\Bin'))
    $paths = @($defender['exclusionPath'] | ForEach-Object { ([string]$_).TrimEnd('*').TrimEnd('\') })
    $missing = @()
    foreach ($n in $needed) {
        $covered = $false
        foreach ($p in $paths) {
            if ((Test-FsSamePath $p $n) -or $n.StartsWith($p + '\', [System.StringComparison]::OrdinalIgnoreCase)) { $covered = $true }
        }
        if (-not $covered) { $missing += ('path ' + $n) }
    }
    $processes = @($defender['exclusionProcess'] | ForEach-Object { ([string]$_).Split('\')[-1] })
    if (-not ($processes | Where-Object { $_ -eq 'cbengine.exe' })) { $missing += 'process cbengine.exe' }
    $evidence = @('Defender real-time on; ExclusionPath: ' + $(if ($paths.Count) { $paths -join ', ' } else { '(none)' }) + '; ExclusionProcess: ' + $(if ($processes.Count) { $processes -join ', ' } else { '(none)' }))
    if ($missing.Count) {
        return New-FsCheckResult -Status warn -Summary ('Defender does not exclude ' + ($missing -join ', ')) -Evidence ($evidence + @('not excluded: ' + ($missing -join ', ')))
    }
    New-FsCheckResult -Status pass -Summary 'Defender excludes the cache, Bin folder and cbengine.exe' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsAntivirusExclusions'
