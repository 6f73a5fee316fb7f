function Get-FleetScanValue {
    <#
    .SYNOPSIS
        One property of a parsed JSON object, or $null when the object lacks it (safe under StrictMode).
    .DESCRIPTION
        A list property is written item by item, like any command's output: @(Get-FleetScanValue ...) is
        the list, empty or not.
    .PARAMETER InputObject
        An object from ConvertFrom-Json.
    .PARAMETER Name
        The property name.
    .EXAMPLE
        Get-FleetScanValue -InputObject $outcome -Name 'reason'
    #>
    [CmdletBinding()]
    param([AllowNull()]$InputObject, [Parameter(Mandatory = $true)][string]$Name)
    if ($null -eq $InputObject) { return $null }
    $property = $InputObject.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    # Lists come out one item at a time, as from any command: wrap the call in @() to keep one.
    $property.Value
}
