function Get-FsRegistryValue {
    <#
    .SYNOPSIS
        Staged twin of the registry probe: reads registry["<key>"]["<value>"] from the staged state.
    .PARAMETER Path
        Registry key path as written in the state file ('HKLM:\...' or 'Registry::HKEY_USERS\...').
    .PARAMETER Name
        Value name; without it every value of the key.
    .EXAMPLE
        Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name Release
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Name)
    $key = $Path -replace '^Registry::HKEY_LOCAL_MACHINE\\', 'HKLM:\'
    $values = Get-FsStagedEntry -Section registry -Key $key.TrimEnd('\')
    if ($null -eq $values) { return $null }
    if (-not $Name) { return $values }
    $value = $values[$Name]
    if ($value -is [System.Collections.IList] -and $value -isnot [string]) { return $value }
    $value
}
