$FsFixMetadata = @'
{
  "check": "mars-windows-temp-files",
  "title": "Delete stale .tmp files in the temp folders of SYSTEM",
  "statuses": ["fail", "warn"],
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot"
}
'@

function Repair-MarsWindowsTempFiles {
    <#
    .SYNOPSIS
        Deletes the .tmp files last written more than 7 days ago from C:\Windows\Temp and C:\Windows\SystemTemp (the temp folders of SYSTEM, which the agent runs as).
    .DESCRIPTION
        Only top-level *.tmp files, only older than a week, so that an installer running now keeps its own;
        a file still in use is kept and counted. Folders that do not exist are left alone.
    .PARAMETER Fix
        The fix being run (check id, finding, counts, log).
    .EXAMPLE
        Repair-MarsWindowsTempFiles -Fix $fix -WhatIf
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][hashtable]$Fix)
    $days = 7
    $windows = Get-FsKnownFolder -Name Windir
    foreach ($folder in @(($windows + '\Temp'), ($windows + '\SystemTemp'))) {
        $stale = Measure-FsStaleFile -Path $folder -Filter '*.tmp' -OlderThanDays $days
        if ($null -eq $stale) { continue }
        Invoke-FsFixAction -Fix $Fix -Action ('Delete ' + $stale['count'] + ' .tmp files older than ' + $days + ' days') -Target $folder -Needed ($stale['count'] -gt 0) -Found ([string]$stale['count'] + ' .tmp files older than ' + $days + ' days') -Command Remove-FsStaleFile -Arguments @{ Path = $folder; Filter = '*.tmp'; OlderThanDays = $days }
    }
}
