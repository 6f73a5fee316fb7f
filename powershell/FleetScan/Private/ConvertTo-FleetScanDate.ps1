function ConvertTo-FleetScanDate {
    <#
    .SYNOPSIS
        An ISO 8601 time from a run record as a UTC [datetime]; $null stays $null.
    .PARAMETER Value
        The text (or a [datetime] that PowerShell 7.0-7.4 already parsed).
    .EXAMPLE
        ConvertTo-FleetScanDate -Value '2026-12-01T13:20:31.000Z'
    #>
    [CmdletBinding()]
    param([AllowNull()]$Value)
    if ($null -eq $Value -or [string]$Value -eq '') { return $null }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime() }
    [datetime]::Parse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal)
}
