function Get-FsUninstallEntry {
    <#
    .SYNOPSIS
        Installed programs from the Uninstall keys (64-bit and WOW6432Node) whose DisplayName matches a wildcard.
    .DESCRIPTION
        Win32_Product is never used: it is slow and triggers Windows Installer consistency checks.
    .PARAMETER DisplayName
        A -like pattern, for example 'Microsoft Visual C++ 2008 Redistributable - x64*'.
    .EXAMPLE
        Get-FsUninstallEntry -DisplayName 'Microsoft Azure Recovery Services Agent'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$DisplayName)
    $roots = @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall', 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall')
    $found = @()
    foreach ($root in $roots) {
        if (-not (Test-Path -LiteralPath $root)) { continue }
        foreach ($entry in @(Get-ItemProperty -Path ($root + '\*') -ErrorAction SilentlyContinue)) {
            $nameProperty = $entry.PSObject.Properties['DisplayName']
            if ($null -eq $nameProperty -or -not ($nameProperty.Value -like $DisplayName)) { continue }
            $version = $entry.PSObject.Properties['DisplayVersion']
            $uninstall = $entry.PSObject.Properties['UninstallString']
            $found += @{
                displayName     = [string]$nameProperty.Value
                displayVersion  = $(if ($version) { [string]$version.Value } else { $null })
                uninstallString = $(if ($uninstall) { [string]$uninstall.Value } else { $null })
                key             = [string]$entry.PSChildName
            }
        }
    }
    $found
}
