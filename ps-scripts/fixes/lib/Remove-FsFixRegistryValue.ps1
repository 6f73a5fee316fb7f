function Remove-FsFixRegistryValue {
    <#
    .SYNOPSIS
        Deletes one registry value (nothing when it is already gone) and says so.
    .PARAMETER Path
        The key.
    .PARAMETER Name
        The value name.
    .EXAMPLE
        Remove-FsFixRegistryValue -Path 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings' -Name AutoConfigURL
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [Parameter(Mandatory = $true)][string]$Name)
    if (Test-Path -LiteralPath $Path) { Remove-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction Stop -WhatIf:$false -Confirm:$false }
    'removed ' + $Name
}
