function Get-FsStagedSection {
    <#
    .SYNOPSIS
        A section of the staged state (and optionally one entry inside it) to change, created empty when missing.
    .PARAMETER Section
        Top-level section, e.g. 'registry'.
    .PARAMETER Key
        Entry inside the section (case-insensitive); created as an empty table when missing.
    .EXAMPLE
        (Get-FsStagedSection -Section registry -Key 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319')['SchUseStrongCrypto'] = 1
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Section, [string]$Key)
    $state = Get-FsStagedState
    if ($state[$Section] -isnot [System.Collections.IDictionary]) { $state[$Section] = @{} }
    $table = $state[$Section]
    if (-not $Key) { return $table }
    if ($table[$Key] -isnot [System.Collections.IDictionary]) { $table[$Key] = @{} }
    $table[$Key]
}
