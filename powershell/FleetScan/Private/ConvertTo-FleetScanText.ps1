function ConvertTo-FleetScanText {
    <#
    .SYNOPSIS
        A run record value as the text the record holds: strings as they are, dates that PowerShell 7.0-7.4
        parsed back into ISO 8601 UTC text (as fleet-scan writes them), $null as $null.
    .PARAMETER Value
        A value from a parsed run record.
    .EXAMPLE
        ConvertTo-FleetScanText -Value $record.startedAt   # 2026-12-01T13:20:31.000Z
    #>
    [CmdletBinding()]
    param([AllowNull()]$Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [System.Globalization.CultureInfo]::InvariantCulture) }
    [string]$Value
}
