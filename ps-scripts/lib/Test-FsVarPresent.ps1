function Test-FsVarPresent {
    <#
    .SYNOPSIS
        Tells whether a var has a usable value (not $null, not an empty string, not an empty list).
    .PARAMETER Value
        The value from Resolve-FsVar.
    .EXAMPLE
        if (-not (Test-FsVarPresent (Resolve-FsVar -Context $Context -Name 'vaultName'))) { ... }
    #>
    [CmdletBinding()]
    param([AllowNull()]$Value)
    if ($null -eq $Value) { return $false }
    if ($Value -is [string]) { return -not [string]::IsNullOrWhiteSpace($Value) }
    if ($Value -is [System.Collections.ICollection]) { return $Value.Count -gt 0 }
    $true
}
