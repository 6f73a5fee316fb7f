<#
.SYNOPSIS
    mars-logs-known-errors: recent agent and setup logs mention documented error IDs.
.DESCRIPTION
    Reads the last logTailBytes of the newest CBUICurr*, CBEngineCurr.errlog (agent Temp folder),
    OBInstaller*Curr.errlog and OBPatch.log (Windows Temp) and searches for the documented error tokens.
    Warns for a match in a file written within logLookbackDays, naming the file, the token and the check
    it maps to; skipped when no log exists.
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
    $tokens = [ordered]@{
        '34513' = 'mars-vault-credentials-file'; '100050' = 'mars-net-endpoints'; '34506' = 'mars-scratch-kek'
        '100110' = 'mars-existing-registration'; '230006' = 'renamed server (not host-checkable)'; '0x1FC07' = 'mars-scratch-kek'
        '0x1FBD3' = 'mars-agent-version'; '(407)' = 'mars-proxy-config'; '4024' = 'install failed (ID 4024)'; '1612' = 'mars-agent-version'
    }
    $install = Resolve-FsInstallPath -Context $Context
    $temp = (Get-FsKnownFolder -Name Windir) + '\Temp'
    $patterns = @(@(($install + '\Temp'), 'CBUICurr*'), @(($install + '\Temp'), 'CBEngineCurr.errlog'), @($temp, 'OBInstaller*Curr.errlog'), @($temp, 'OBPatch.log'))
    $lookback = [double](Resolve-FsVar -Context $Context -Name 'logLookbackDays')
    $tail = [int](Resolve-FsVar -Context $Context -Name 'logTailBytes')
    $files = @()
    foreach ($p in $patterns) {
        $newest = @(Get-FsFileList -Path $p[0] -Filter $p[1] | Sort-Object { ConvertTo-FsUtcDate -Value $_['lastWriteTimeUtc'] } -Descending) | Select-Object -First 1
        if ($newest) { $files += $newest }
    }
    if ($files.Count -eq 0) {
        return New-FsCheckResult -Status skipped -Summary 'No agent or setup logs found' -Reason 'no agent or setup log exists on this host'
    }
    $hits = @()
    $looked = @()
    foreach ($f in $files) {
        $age = ($Context['ControllerUtc'] - (ConvertTo-FsUtcDate -Value $f['lastWriteTimeUtc'])).TotalDays
        $ageText = $age.ToString('0.0', [System.Globalization.CultureInfo]::InvariantCulture)
        if ($age -gt $lookback) { $looked += ($f['path'] + ' written ' + $ageText + ' days ago: older than ' + $lookback + ' days, not searched'); continue }
        $text = [string](Get-FsItemInfo -Path $f['path'] -TailBytes $tail)['tailText']
        $found = @($tokens.Keys | Where-Object { $text.IndexOf($_, [System.StringComparison]::OrdinalIgnoreCase) -ge 0 })
        if ($found.Count) {
            foreach ($t in $found) { $hits += ($f['path'] + ' (written ' + $ageText + ' days ago) contains ' + $t + ' -> ' + $tokens[$t]) }
        } else { $looked += ($f['path'] + ' written ' + $ageText + ' days ago: no documented error ID') }
    }
    if ($hits.Count) {
        return New-FsCheckResult -Status warn -Summary ('Recent logs mention ' + $hits.Count + ' documented error ID(s)') -Evidence ($hits + $looked)
    }
    New-FsCheckResult -Status pass -Summary 'No documented error IDs in recent logs' -Evidence $looked
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsLogsKnownErrors'
