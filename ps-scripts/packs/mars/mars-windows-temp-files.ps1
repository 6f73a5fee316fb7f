<#
.SYNOPSIS
    mars-windows-temp-files: no .tmp build-up in the temp folders of SYSTEM.
.DESCRIPTION
    Counts the top-level files of C:\Windows\Temp and of C:\Windows\SystemTemp (what GetTempPath2 gives
    SYSTEM processes on patched Windows Server 2016 and later; the SystemTemp variable can move it), matching
    '*.tmp' on long names only (a short name such as REPORT~1.TMP must not count). Fails above
    tmpFailThreshold (60,000) .tmp files or tempFilesFailThreshold (65,000) files in all in either folder;
    warns above tmpWarnThreshold (10,000) .tmp files, or when SystemTemp exists but cannot be read.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsWindowsTempFiles -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-windows-temp-files",
  "title": "No .tmp build-up in the temp folders of SYSTEM",
  "failure": "Too many .tmp files in a temp folder of SYSTEM",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "More than 60,000 .tmp files (or 65,000 files) in C:\\Windows\\Temp make registration fail with invalid vault credentials; the agent runs as LocalSystem, whose temp folder this is. On patched Windows Server 2016 and later, SYSTEM processes that ask with GetTempPath2 get C:\\Windows\\SystemTemp instead, so both folders are counted.",
  "remediation": "Delete (or move away) stale .tmp files in C:\\Windows\\Temp and C:\\Windows\\SystemTemp (as SYSTEM or an elevated administrator), then retry registration.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["filesystem"],
  "requires": []
}
'@

function Test-MarsWindowsTempFiles {
    param($Context)
    $windir = Get-FsKnownFolder -Name Windir
    # GetTempPath2 gives SYSTEM processes the SystemTemp variable's folder, else <windir>\SystemTemp.
    $systemTemp = Get-FsRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment' -Name 'SystemTemp'
    $systemTempSource = 'SystemTemp variable'
    if (-not $systemTemp) { $systemTemp = $windir + '\SystemTemp'; $systemTempSource = 'default' }
    $folders = @(@{ path = ($windir + '\Temp'); label = 'TEMP of SYSTEM'; optional = $false }, @{ path = ([string]$systemTemp).TrimEnd('\'); label = ('GetTempPath2 folder of SYSTEM, ' + $systemTempSource); optional = $true })
    $tmpFail = [long](Resolve-FsVar -Context $Context -Name 'tmpFailThreshold')
    $allFail = [long](Resolve-FsVar -Context $Context -Name 'tempFilesFailThreshold')
    $tmpWarn = [long](Resolve-FsVar -Context $Context -Name 'tmpWarnThreshold')
    $lines = @()
    $failures = @()
    $warnings = @()
    foreach ($f in $folders) {
        try {
            $tmp = Get-FsDirectoryFileCount -Path $f['path'] -Filter '*.tmp'
            $all = $null
            if ($null -ne $tmp) { $all = Get-FsDirectoryFileCount -Path $f['path'] -Filter '*' }
        } catch {
            # SystemTemp is ACL'd for SYSTEM; an account that cannot read it must not read as "no files".
            if (-not $f['optional']) { throw }
            $message = ($_.Exception.GetBaseException().Message -replace '\s*[\r\n]+\s*', ' ').Trim()
            $lines += ($f['path'] + ' (' + $f['label'] + ') could not be read: ' + $message)
            $warnings += ($f['path'] + ' could not be read')
            continue
        }
        if ($null -eq $tmp) { $lines += ($f['path'] + ' (' + $f['label'] + ') not present'); continue }
        $lines += ($f['path'] + ' (' + $f['label'] + '): ' + $tmp + ' .tmp files, ' + $all + ' files in all (long names)')
        if ($tmp -gt $tmpFail) { $failures += ([string]$tmp + ' .tmp files in ' + $f['path'] + ' > ' + $tmpFail) }
        elseif ($all -gt $allFail) { $failures += ([string]$all + ' files in ' + $f['path'] + ' > ' + $allFail) }
        elseif ($tmp -gt $tmpWarn) { $warnings += ([string]$tmp + ' .tmp files in ' + $f['path'] + ' > ' + $tmpWarn) }
    }
    $lines += 'the agent runs as SYSTEM; which of the two folders it uses is not documented, so both are judged'
    if ($failures.Count) {
        return New-FsCheckResult -Status fail -Summary ('Temp folder build-up: ' + $failures[0]) -Evidence ($failures + $lines)
    }
    if ($warnings.Count) {
        return New-FsCheckResult -Status warn -Summary ('Temp folders: ' + $warnings[0]) -Evidence ($warnings + $lines)
    }
    New-FsCheckResult -Status pass -Summary 'No .tmp build-up in the temp folders of SYSTEM' -Evidence $lines
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsWindowsTempFiles'
