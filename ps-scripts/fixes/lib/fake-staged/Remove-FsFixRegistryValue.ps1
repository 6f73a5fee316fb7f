function Remove-FsFixRegistryValue {
    <#
    .SYNOPSIS
        Staged twin: deletes registry["<key>"]["<value>"] from the staged state.
    .PARAMETER Path
        The key.
    .PARAMETER Name
        The value name.
    .EXAMPLE
        Remove-FsFixRegistryValue -Path 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings' -Name AutoConfigURL
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Name)
    $key = ($Path -replace '^Registry::HKEY_LOCAL_MACHINE\\', 'HKLM:\').TrimEnd('\')
    $registry = Get-FsStagedSection -Section registry
    if ($registry[$key] -is [System.Collections.IDictionary]) { $registry[$key].Remove($Name); Save-FsStagedState }
    'removed ' + $Name
}
