<#
.SYNOPSIS
    mars-cache-folder: the cache (scratch) folder is on a local fixed volume, in a plain folder.
.DESCRIPTION
    Target: cacheLocation var, else Config\ScratchLocation, else <InstallPath>\Scratch. Fails for a UNC path,
    a missing or non-fixed volume (DriveType other than 3), an Encrypted, Compressed, SparseFile or
    ReparsePoint folder (or nearest ancestor; ReparsePoint on any ancestor), deduplication on the volume, or
    (agent installed) two ScratchLocation values that differ or point to a missing folder.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsCacheFolder -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-cache-folder",
  "title": "Cache folder location and attributes are supported",
  "failure": "Cache folder in an unsupported location",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The MARS cache folder must be on a local, online, fixed volume without deduplication, in a folder that is not encrypted, compressed, sparse or a reparse point; both ScratchLocation registry values must name it.",
  "remediation": "Put the cache on a local fixed volume in a plain folder. To move an existing cache: stop obengine, copy (not move) the Scratch folder, update both ScratchLocation values (Config and Config\\CloudBackupProvider), start obengine.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-file-folder-backup-faq",
  "tags": ["cache", "filesystem"],
  "requires": []
}
'@

function Test-MarsCacheFolder {
    param($Context)
    $cache = Resolve-FsCachePath -Context $Context
    $path = $cache['path']
    $problems = @()
    $evidence = @('cache folder ' + $path + ' (' + $cache['source'] + ')')
    if ($path -match '^\\\\') {
        return New-FsCheckResult -Status fail -Summary 'Cache folder is on a network share' -Evidence @('cache folder ' + $path + ' (' + $cache['source'] + ') is a UNC path')
    }
    $drive = $path.Substring(0, 2)
    $volume = Get-FsVolume -DriveLetter $drive
    if ($null -eq $volume) {
        $problems += ('volume ' + $drive + ' not present or offline')
    } else {
        $evidence += ('volume ' + $drive + ' DriveType ' + $volume['driveType'] + ', ' + $volume['fileSystem'] + ', dedup ' + $(if ($volume['dedupEnabled']) { 'on' } else { 'off' }))
        if ([int]$volume['driveType'] -ne 3) {
            $kinds = @{ 2 = 'removable'; 4 = 'network'; 5 = 'optical'; 6 = 'RAM disk' }
            $kind = $kinds[[int]$volume['driveType']]
            if (-not $kind) { $kind = 'not local fixed' }
            $problems += ('volume ' + $drive + ' DriveType ' + $volume['driveType'] + ' (' + $kind + ')')
        }
        if ($volume['dedupEnabled']) { $problems += ('deduplication enabled on ' + $drive) }
    }
    $item = Get-FsNearestExistingItem -Path $path
    if ($null -ne $item) {
        $bad = @($item['attributes'] | Where-Object { @('Encrypted', 'Compressed', 'SparseFile', 'ReparsePoint') -contains $_ })
        if ($bad.Count) { $problems += ($item['path'] + ' is ' + ($bad -join ', ')) }
        $parent = Get-FsParentPath -Path $item['path']
        while ($parent) {
            $p = Get-FsItemInfo -Path $parent
            if ($p['exists'] -and @($p['attributes']) -contains 'ReparsePoint') { $problems += ('ancestor ' + $parent + ' is a reparse point (junction)') }
            $parent = Get-FsParentPath -Path $parent
        }
    }
    $facts = $Context['Facts']
    if ($null -ne $facts -and $facts['installed']) {
        $config = $facts['scratchLocation']
        $provider = $facts['providerScratchLocation']
        $evidence += ('ScratchLocation Config=' + $(if ($config) { $config } else { 'absent' }) + ', CloudBackupProvider=' + $(if ($provider) { $provider } else { 'absent' }))
        if (($config -or $provider) -and -not (Test-FsSamePath $config $provider)) {
            $problems += ('ScratchLocation values differ: Config ' + $config + ' vs CloudBackupProvider ' + $provider)
        }
        if ($config -and -not (Get-FsItemInfo -Path $config)['exists']) { $problems += ('ScratchLocation ' + $config + ' does not exist') }
    }
    if ($problems.Count) {
        return New-FsCheckResult -Status fail -Summary ('Cache folder not supported: ' + $problems[0]) -Evidence ($evidence + $problems)
    }
    New-FsCheckResult -Status pass -Summary 'Cache folder is on a local fixed volume in a plain folder' -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsCacheFolder'
