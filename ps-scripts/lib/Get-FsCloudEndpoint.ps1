function Get-FsCloudEndpoint {
    <#
    .SYNOPSIS
        The concrete hosts that sample each documented MARS endpoint of a cloud (docs/checks.md, mars-net-endpoints).
    .DESCRIPTION
        Returns one hashtable per row: host, port, role (entra, backup, storage, general, entra-global),
        severity if unreachable (fail, warn, info) and skip (why the row cannot be probed, or $null).
    .PARAMETER Cloud
        public, china or usgov.
    .PARAMETER GeoCode
        Azure Backup region code (vaultGeoCode) used in pod01-rec2.<geo>.backup.windowsazure.*.
    .PARAMETER StorageHost
        Concrete storage FQDNs (storageProbeHosts) that sample the storage wildcards.
    .EXAMPLE
        Get-FsCloudEndpoint -Cloud china -GeoCode 'sha' | ForEach-Object { $_.host }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][ValidateSet('public', 'china', 'usgov')][string]$Cloud,
        [string]$GeoCode,
        [string[]]$StorageHost = @()
    )
    $rows = New-Object System.Collections.ArrayList
    $add = {
        param($HostName, $Role, $Severity, $Skip)
        $null = $rows.Add(@{ host = $HostName; port = 443; role = $Role; severity = $Severity; skip = $Skip })
    }
    $backupSuffix = @{ public = 'com'; china = 'cn'; usgov = 'us' }[$Cloud]
    $backupHost = 'pod01-rec2.<vaultGeoCode>.backup.windowsazure.' + $backupSuffix
    $backupSkip = 'vaultGeoCode not given'
    if ($GeoCode) { $backupHost = 'pod01-rec2.' + $GeoCode + '.backup.windowsazure.' + $backupSuffix; $backupSkip = $null }

    switch ($Cloud) {
        'public' {
            & $add 'login.microsoftonline.com' 'entra' 'fail' $null
            & $add 'login.windows.net' 'entra' 'fail' $null
            & $add 'login.microsoft.com' 'general' 'warn' $null
            & $add $backupHost 'backup' 'fail' $backupSkip
        }
        'china' {
            & $add 'login.partner.microsoftonline.cn' 'entra' 'fail' $null
            & $add 'login.chinacloudapi.cn' 'entra' 'fail' $null
            & $add $backupHost 'backup' 'fail' $backupSkip
            & $add 'www.microsoft.com' 'general' 'warn' $null
            & $add 'login.microsoftonline.com' 'entra-global' 'info' $null
        }
        'usgov' {
            & $add 'login.microsoftonline.us' 'entra' 'fail' $null
            & $add $backupHost 'backup' 'fail' $backupSkip
            & $add 'login.windows.net' 'general' 'warn' $null
            & $add 'www.microsoft.com' 'general' 'warn' $null
        }
    }
    if (@($StorageHost).Count -eq 0) {
        & $add '<storageProbeHosts>' 'storage' 'fail' 'storageProbeHosts not given'
    }
    foreach ($name in $StorageHost) {
        $severity = 'fail'
        # The US Gov list also names the global storage domains; only its own domain decides there.
        if ($Cloud -eq 'usgov' -and $name -notmatch '\.usgovcloudapi\.net$') { $severity = 'warn' }
        & $add $name 'storage' $severity $null
    }
    $rows.ToArray()
}
