function Get-FsUninstallEntry {
    <#
    .SYNOPSIS
        Staged twin: Uninstall entries are registry keys under ...\CurrentVersion\Uninstall\<id> (either hive).
    .PARAMETER DisplayName
        A -like pattern for DisplayName.
    .EXAMPLE
        Get-FsUninstallEntry -DisplayName 'Microsoft Visual C++ 2008 Redistributable - x64*'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$DisplayName)
    $registry = Get-FsStagedEntry -Section registry
    $found = @()
    if ($registry -isnot [System.Collections.IDictionary]) { return $found }
    foreach ($k in @($registry.Keys | Sort-Object)) {
        if ($k -notmatch '^HKLM:\\SOFTWARE\\(WOW6432Node\\)?Microsoft\\Windows\\CurrentVersion\\Uninstall\\([^\\]+)$') { continue }
        $values = Get-FsStagedEntry -Section registry -Key $k
        if ($null -eq $values -or -not ($values['DisplayName'] -like $DisplayName)) { continue }
        $found += @{ displayName = [string]$values['DisplayName']; displayVersion = $values['DisplayVersion']; uninstallString = $values['UninstallString']; key = $Matches[2] }
    }
    $found
}
