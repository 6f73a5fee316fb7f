<#
.SYNOPSIS
    mars-antivirus-exclusions: Microsoft Defender excludes the agent's folders and cbengine.exe.
.DESCRIPTION
    With Defender the active antivirus (AMRunningMode Normal) and real-time protection on (live state from
    Get-MpComputerStatus), warns unless ExclusionPath covers the cache folder and <InstallPath>\Bin (exact
    path or a parent) and ExclusionProcess contains cbengine.exe, or when the exclusions are hidden from the
    scanning account. Skipped when Defender is absent, switched off by another antivirus (0x800106ba), in
    passive mode, or not scanning in real time (third-party antivirus cannot be inspected).
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
    $defender = Get-FsDefenderState
    if (-not $defender['present']) {
        return New-FsCheckResult -Status skipped -Summary 'Microsoft Defender not present' -Reason 'Microsoft Defender not present; other antivirus products cannot be inspected: exclude the agent folders and cbengine.exe there' -Evidence @('Defender: ' + $defender['note'])
    }
    $stateLine = 'Defender mode ' + $defender['mode'] + ', real-time protection ' + $(if ($defender['realtime']) { 'on' } else { 'off' }) + ' (live state)'
    if (-not $defender['active']) {
        $why = $stateLine
        if ($defender['note']) { $why = $defender['note'] }
        return New-FsCheckResult -Status skipped -Summary 'Microsoft Defender is not the active antivirus' -Reason ('Defender is not the active antivirus (' + $why + '); the active product cannot be inspected: exclude the agent folders and cbengine.exe there') -Evidence @($stateLine)
    }
    if (-not $defender['realtime']) {
        return New-FsCheckResult -Status skipped -Summary 'Defender real-time protection is off' -Reason 'Defender real-time protection is off (live state): nothing scans the agent''s files as it writes them' -Evidence @($stateLine)
    }
    $install = Resolve-FsInstallPath -Context $Context
    $cache = Resolve-FsCachePath -Context $Context
    $pathLines = @(('install folder ' + $install['path'] + ' (' + $install['source'] + ')'), ('cache folder ' + $cache['path'] + ' (' + $cache['source'] + ')'))
    if (-not $defender['exclusionsReadable']) {
        return New-FsCheckResult -Status warn -Summary 'Defender exclusions cannot be read by the scanning account' -Evidence (@($stateLine, $defender['note']) + $pathLines) -Reason 'Defender hides its exclusions from this account; check them with an account allowed to see them'
    }
    $needed = @($cache['path'], ($install['path'] + '\Bin'))
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
    $evidence = @(($stateLine + '; ExclusionPath: ' + $(if ($paths.Count) { $paths -join ', ' } else { '(none)' }) + '; ExclusionProcess: ' + $(if ($processes.Count) { $processes -join ', ' } else { '(none)' }))) + $pathLines
    if ($missing.Count) {
        return New-FsCheckResult -Status warn -Summary ('Defender does not exclude ' + ($missing -join ', ')) -Evidence ($evidence + @('not excluded: ' + ($missing -join ', ')))
    }
    New-FsCheckResult -Status pass -Summary 'Defender excludes the cache, Bin folder and cbengine.exe' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsAntivirusExclusions'
