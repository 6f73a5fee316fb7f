function Set-FsFixRegistryValue {
    <#
    .SYNOPSIS
        Staged twin: writes registry["<key>"]["<value>"] in the staged state (the key created when missing).
    .PARAMETER Path
        The key, as the staged state writes it ('HKLM:\...' or 'Registry::HKEY_USERS\...').
    .PARAMETER Name
        The value name.
    .PARAMETER Value
        The data (bytes as a list of numbers).
    .PARAMETER Type
        DWord, Binary or String.
    .EXAMPLE
        Set-FsFixRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -Type DWord
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Path,
        [Parameter(Mandatory = $true)][string]$Name,
        [Parameter(Mandatory = $true)]$Value,
        [Parameter(Mandatory = $true)][ValidateSet('DWord', 'Binary', 'String')][string]$Type
    )
    $key = ($Path -replace '^Registry::HKEY_LOCAL_MACHINE\\', 'HKLM:\').TrimEnd('\')
    $values = Get-FsStagedSection -Section registry -Key $key
    $data = $Value
    if ($Type -eq 'Binary') { $data = @($Value | ForEach-Object { [int]$_ }) }
    elseif ($Type -eq 'DWord') { $data = [long]$Value }
    $values[$Name] = $data
    Save-FsStagedState
    'wrote ' + $Name
}
