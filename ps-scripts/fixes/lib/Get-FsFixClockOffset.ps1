function Get-FsFixClockOffset {
    <#
    .SYNOPSIS
        How far this clock is from its time source, in seconds (positive: this clock is behind); $null when it cannot be measured.
    .DESCRIPTION
        One sample of w32tm /stripchart /dataonly against the source w32tm /query /source names. A local
        source (Local CMOS Clock, Free-running System Clock) or a source that does not answer gives $null:
        the offset is then unknown, and a resynchronisation is the safe answer.
    .PARAMETER Source
        The time source (as w32tm /query /source names it).
    .EXAMPLE
        Get-FsFixClockOffset -Source 'dc01.contoso.local,0x9'   # -600.01
    #>
    [CmdletBinding()]
    param([AllowNull()][AllowEmptyString()][string]$Source)
    if (-not $Source -or $Source -match 'Local CMOS Clock|Free-running System Clock') { return $null }
    $peer = ($Source -split ',')[0].Trim()
    $text = @(& w32tm.exe /stripchart ('/computer:' + $peer) /samples:1 /dataonly 2>$null | ForEach-Object { [string]$_ })
    if ($LASTEXITCODE -ne 0) { return $null }
    foreach ($line in $text) {
        # "13:45:01, +00.0123456s" (the decimal separator follows the display language).
        if ($line -match ',\s*([+-]\d+[.,]\d+)s\s*$') { return [double]::Parse(($Matches[1] -replace ',', '.'), [System.Globalization.CultureInfo]::InvariantCulture) }
    }
    $null
}
