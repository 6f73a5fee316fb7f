function Format-FsUtcDate {
    <#
    .SYNOPSIS
        Writes a date as an ISO 8601 UTC string (Windows PowerShell 5.1 would otherwise emit \/Date(...)\/).
    .PARAMETER Value
        The date; $null gives $null.
    .EXAMPLE
        Format-FsUtcDate -Value ([datetime]::UtcNow)
    #>
    [CmdletBinding()]
    param([AllowNull()]$Value)
    if ($null -eq $Value) { return $null }
    ([datetime]$Value).ToUniversalTime().ToString('o', [System.Globalization.CultureInfo]::InvariantCulture)
}
