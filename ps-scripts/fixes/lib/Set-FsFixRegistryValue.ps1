function Set-FsFixRegistryValue {
    <#
    .SYNOPSIS
        Writes one registry value (creating its key when missing) and says what it wrote.
    .DESCRIPTION
        Called only through Invoke-FsFixAction, which has already asked ShouldProcess: the cmdlets inside
        run with -WhatIf:$false -Confirm:$false so they neither ask twice nor announce themselves.
    .PARAMETER Path
        The key: 'HKLM:\...' or 'Registry::HKEY_USERS\...'.
    .PARAMETER Name
        The value name.
    .PARAMETER Value
        The data: a number for DWord, bytes for Binary, text for String.
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
    if (-not (Test-Path -LiteralPath $Path)) { $null = New-Item -Path $Path -Force -WhatIf:$false -Confirm:$false }
    $data = $Value
    if ($Type -eq 'Binary') { $data = [byte[]]@($Value | ForEach-Object { [byte]$_ }) }
    $null = New-ItemProperty -LiteralPath $Path -Name $Name -Value $data -PropertyType $Type -Force -WhatIf:$false -Confirm:$false
    'wrote ' + $Name
}
