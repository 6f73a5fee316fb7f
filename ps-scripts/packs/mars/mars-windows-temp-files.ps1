<#
.SYNOPSIS
    mars-windows-temp-files: no .tmp build-up in C:\Windows\Temp.
.DESCRIPTION
    Counts top-level files with EnumerateFiles ('*.tmp' and '*'). Fails above tmpFailThreshold (60,000) .tmp
    files or tempFilesFailThreshold (65,000) files in all; warns above tmpWarnThreshold (10,000) .tmp files.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsWindowsTempFiles -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-windows-temp-files",
  "title": "No .tmp build-up in C:\\Windows\\Temp",
  "failure": "Too many .tmp files in C:\\Windows\\Temp",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "More than 60,000 .tmp files (or 65,000 files) in C:\\Windows\\Temp make registration fail with invalid vault credentials; the agent runs as LocalSystem, whose temp folder this is.",
  "remediation": "Delete (or move away) stale .tmp files in C:\\Windows\\Temp, then retry registration.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["filesystem"],
  "requires": []
}
'@

function Test-MarsWindowsTempFiles {
    param($Context)
    $folder = (Get-FsKnownFolder -Name Windir) + '\Temp'
    $tmp = Get-FsDirectoryFileCount -Path $folder -Filter '*.tmp'
    if ($null -eq $tmp) {
        return New-FsCheckResult -Status pass -Summary ($folder + ' does not exist') -Evidence @($folder + ' not found: no files')
    }
    $all = Get-FsDirectoryFileCount -Path $folder -Filter '*'
    $tmpFail = [long](Resolve-FsVar -Context $Context -Name 'tmpFailThreshold')
    $allFail = [long](Resolve-FsVar -Context $Context -Name 'tempFilesFailThreshold')
    $tmpWarn = [long](Resolve-FsVar -Context $Context -Name 'tmpWarnThreshold')
    $line = $folder + ': ' + $tmp + ' .tmp files, ' + $all + ' files in all'
    if ($tmp -gt $tmpFail) {
        return New-FsCheckResult -Status fail -Summary ([string]$tmp + ' .tmp files in ' + $folder) -Evidence @($line, ([string]$tmp + ' .tmp files > ' + $tmpFail))
    }
    if ($all -gt $allFail) {
        return New-FsCheckResult -Status fail -Summary ([string]$all + ' files in ' + $folder) -Evidence @($line, ([string]$all + ' files > ' + $allFail))
    }
    if ($tmp -gt $tmpWarn) {
        return New-FsCheckResult -Status warn -Summary ([string]$tmp + ' .tmp files in ' + $folder) -Evidence @($line, ([string]$tmp + ' .tmp files > ' + $tmpWarn))
    }
    New-FsCheckResult -Status pass -Summary ('No .tmp build-up in ' + $folder) -Evidence @($line)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsWindowsTempFiles'
