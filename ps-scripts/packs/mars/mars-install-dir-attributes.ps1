<#
.SYNOPSIS
    mars-install-dir-attributes: the install folder has no System, Hidden, Compressed or Encrypted attribute.
.DESCRIPTION
    Target: installPath var, else Setup\InstallPath, else the installer's default when no agent is installed
    yet (the evidence names which); without agent facts and without the var the check errors. An existing
    folder fails with any of the four attributes. A folder not created yet fails when its nearest existing
    ancestor is Compressed or Encrypted (new children inherit those) and warns when that ancestor is Hidden
    or System, unless the ancestor is a drive root: Windows marks every root Hidden and System and children
    do not inherit it. Warns when not even the drive exists.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsInstallDirAttributes -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-install-dir-attributes",
  "title": "Install folder is not System, Hidden, Compressed or Encrypted",
  "failure": "Install folder is System, Hidden, Compressed or Encrypted",
  "phase": "install",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The MARS installation directory must not have the System, Hidden, Compressed or Encrypted attribute (self-help article). Checks the folder, or the nearest existing ancestor when it does not exist yet.",
  "remediation": "Clear the attribute (attrib -s -h, compact /u, cipher /d) or choose another install folder with the installer switch /p:.",
  "source": "https://docs.azure.cn/zh-cn/backup/backup-azure-mars-troubleshoot",
  "tags": ["filesystem", "install"],
  "requires": []
}
'@

function Test-MarsInstallDirAttributes {
    param($Context)
    $install = Resolve-FsInstallPath -Context $Context
    $path = $install['path']
    $where = 'install folder ' + $path + ' (' + $install['source'] + ')'
    $bad = @('System', 'Hidden', 'Compressed', 'Encrypted')
    $item = Get-FsItemInfo -Path $path
    if ($item['exists']) {
        $found = @($item['attributes'] | Where-Object { $bad -contains $_ })
        $line = $where + ' attributes ' + (@($item['attributes']) -join ', ')
        if ($found.Count) {
            return New-FsCheckResult -Status fail -Summary ('Install folder is ' + ($found -join ', ')) -Evidence @($line)
        }
        return New-FsCheckResult -Status pass -Summary 'Install folder has no blocking attribute' -Evidence @($line)
    }
    $ancestor = Get-FsNearestExistingItem -Path $path
    if ($null -eq $ancestor) {
        return New-FsCheckResult -Status warn -Summary 'Install folder location does not exist' -Evidence @($where + ' not found, nor any folder above it (is the volume there?)')
    }
    $attributes = @($ancestor['attributes'])
    $line = $where + ' not created yet; nearest existing ancestor ' + $ancestor['path'] + ' has ' + ($attributes -join ', ')
    $inherited = @($attributes | Where-Object { $_ -eq 'Compressed' -or $_ -eq 'Encrypted' })
    if ($inherited.Count) {
        return New-FsCheckResult -Status fail -Summary ('Install folder would inherit ' + ($inherited -join ', ') + ' from ' + $ancestor['path']) -Evidence @($line)
    }
    $hidden = @($attributes | Where-Object { $_ -eq 'Hidden' -or $_ -eq 'System' })
    if ($hidden.Count -and $null -eq (Get-FsParentPath -Path $ancestor['path'])) {
        # Every NTFS drive root is Hidden and System; a new folder does not inherit either.
        return New-FsCheckResult -Status pass -Summary 'Install folder location has no blocking attribute' -Evidence @($line, ($ancestor['path'] + ' is a drive root: its ' + ($hidden -join ', ') + ' attributes are those of every root and are not inherited'))
    }
    if ($hidden.Count) {
        return New-FsCheckResult -Status warn -Summary ('Install folder parent ' + $ancestor['path'] + ' is ' + ($hidden -join ', ')) -Evidence @($line)
    }
    New-FsCheckResult -Status pass -Summary 'Install folder location has no blocking attribute' -Evidence @($line)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsInstallDirAttributes'
