function ConvertTo-FsUtcDate {
    <#
    .SYNOPSIS
        Reads an ISO 8601 string (or a [datetime] that PowerShell 7's ConvertFrom-Json made of one) as UTC.
    .PARAMETER Value
        The string or date; $null and unparsable text give $null.
    .EXAMPLE
        ConvertTo-FsUtcDate -Value '2026-11-25T08:00:00.000Z'
    #>
    [CmdletBinding()]
    param([AllowNull()]$Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [datetime]) {
        if ($Value.Kind -eq [System.DateTimeKind]::Unspecified) { return [datetime]::SpecifyKind($Value, [System.DateTimeKind]::Utc) }
        return $Value.ToUniversalTime()
    }
    $styles = [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal
    $parsed = [datetime]::MinValue
    if ([datetime]::TryParse([string]$Value, [System.Globalization.CultureInfo]::InvariantCulture, $styles, [ref]$parsed)) { return $parsed }
    $null
}
