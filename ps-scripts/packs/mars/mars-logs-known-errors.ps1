<#
.SYNOPSIS
    mars-logs-known-errors: recent agent and setup logs mention documented error IDs.
.DESCRIPTION
    Reads the last logTailBytes of the newest CBUICurr*, CBEngineCurr.errlog (agent Temp folder),
    OBInstaller*Curr.errlog and OBPatch.log (Windows Temp) and searches for the documented error IDs, each
    only in the words errors are written with ("ID: 34513", "Error 1612", "error code 100050", the 0x1FC07
    and 0x1FBD3 codes, "(407) Proxy Authentication Required"), never as a bare number. Warns for a match in a
    file written within logLookbackDays, quoting the log line and naming the check it maps to; skipped when
    no log exists.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsLogsKnownErrors -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-logs-known-errors",
  "title": "Recent agent logs mention documented errors",
  "failure": "Agent logs show documented error IDs",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "host",
  "description": "A diagnostic hint: the agent's and installer's recent logs are searched for documented error IDs (34513, 100050, 34506, 100110, 230006, 0x1FC07, 0x1FBD3, (407), 4024, 1612), each mapped to the check that explains it. Log formats are undocumented.",
  "remediation": "Follow the check named next to the error ID found; the troubleshooting page lists the causes of each ID.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["logs", "diagnostics"],
  "requires": []
}
'@

function Test-MarsLogsKnownErrors {
    param($Context)
    # Each ID only counts in the words errors are written with, never as a bare number (thread ids, counters, times).
    $id = { param($Code) '(?i)(\bID\s*[:=#]?\s*|\berror(\s*code)?\s*[:=#]?\s*|\berrorcode\s*[:=]?\s*|\b(return value|exit code|returned)\s*[:=]?\s*)' + $Code + '\b' }
    $errors = @(
        @{ code = '34513'; pattern = (& $id '34513'); check = 'mars-vault-credentials-file' }
        @{ code = '100050'; pattern = (& $id '100050'); check = 'mars-net-endpoints' }
        @{ code = '34506'; pattern = (& $id '34506'); check = 'mars-scratch-kek' }
        @{ code = '100110'; pattern = (& $id '100110'); check = 'mars-existing-registration' }
        @{ code = '230006'; pattern = (& $id '230006'); check = 'renamed server (not host-checkable)' }
        @{ code = '4024'; pattern = (& $id '4024'); check = 'install failed (ID 4024)' }
        @{ code = '1612'; pattern = (& $id '1612'); check = 'mars-agent-version' }
        @{ code = '0x1FC07'; pattern = '(?i)\b0x0*1FC07\b'; check = 'mars-scratch-kek' }
        @{ code = '0x1FBD3'; pattern = '(?i)\b0x0*1FBD3\b'; check = 'mars-agent-version' }
        @{ code = '(407)'; pattern = '(?i)\(407\)\s*Proxy Authentication Required'; check = 'mars-proxy-config' }
    )
    $install = Resolve-FsInstallPath -Context $Context
    $temp = (Get-FsKnownFolder -Name Windir) + '\Temp'
    $patterns = @(@(($install['path'] + '\Temp'), 'CBUICurr*'), @(($install['path'] + '\Temp'), 'CBEngineCurr.errlog'), @($temp, 'OBInstaller*Curr.errlog'), @($temp, 'OBPatch.log'))
    $lookback = [double](Resolve-FsVar -Context $Context -Name 'logLookbackDays')
    $tail = [int](Resolve-FsVar -Context $Context -Name 'logTailBytes')
    $where = 'agent logs under ' + $install['path'] + '\Temp (' + $install['source'] + ') and ' + $temp
    $files = @()
    foreach ($p in $patterns) {
        $newest = @(Get-FsFileList -Path $p[0] -Filter $p[1] | Sort-Object { ConvertTo-FsUtcDate -Value $_['lastWriteTimeUtc'] } -Descending) | Select-Object -First 1
        if ($newest) { $files += $newest }
    }
    if ($files.Count -eq 0) {
        return New-FsCheckResult -Status skipped -Summary 'No agent or setup logs found' -Reason 'no agent or setup log exists on this host' -Evidence @('no CBUICurr*, CBEngineCurr.errlog, OBInstaller*Curr.errlog or OBPatch.log in the ' + $where)
    }
    $hits = @()
    $looked = @()
    foreach ($f in $files) {
        $age = ($Context['ControllerUtc'] - (ConvertTo-FsUtcDate -Value $f['lastWriteTimeUtc'])).TotalDays
        $ageText = $age.ToString('0.0', [System.Globalization.CultureInfo]::InvariantCulture)
        if ($age -gt $lookback) { $looked += ($f['path'] + ' written ' + $ageText + ' days ago: older than ' + $lookback + ' days, not searched'); continue }
        $text = [string](Get-FsItemInfo -Path $f['path'] -TailBytes $tail)['tailText']
        $found = $false
        foreach ($e in $errors) {
            $m = [regex]::Match($text, $e['pattern'])
            if (-not $m.Success) { continue }
            $found = $true
            $start = $text.LastIndexOf("`n", [math]::Max(0, $m.Index - 1)) + 1
            if ($m.Index -eq 0) { $start = 0 }
            $end = $text.IndexOf("`n", $m.Index)
            if ($end -lt 0) { $end = $text.Length }
            $line = ($text.Substring($start, $end - $start)).Trim()
            if ($line.Length -gt 200) { $line = $line.Substring(0, 197) + '...' }
            $hits += ($f['path'] + ' (written ' + $ageText + ' days ago) has error ' + $e['code'] + ' -> ' + $e['check'] + ': "' + $line + '"')
        }
        if (-not $found) { $looked += ($f['path'] + ' written ' + $ageText + ' days ago: no documented error ID in its last ' + $tail + ' bytes') }
    }
    if ($hits.Count) {
        return New-FsCheckResult -Status warn -Summary ('Recent logs mention ' + $hits.Count + ' documented error ID(s)') -Evidence ($hits + $looked)
    }
    New-FsCheckResult -Status pass -Summary 'No documented error IDs in recent logs' -Evidence $looked
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsLogsKnownErrors'
