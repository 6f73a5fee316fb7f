function Get-FsFixClockOffset {
    <#
    .SYNOPSIS
        Staged twin: the offset w32tm /stripchart would measure against the source, from clock.offsetSeconds; $null for a local source or a stopped w32time.
    .DESCRIPTION
        stripchart gives the source's time minus this clock's, so a clock 600 s ahead reads -600.
    .PARAMETER Source
        The time source.
    .EXAMPLE
        Get-FsFixClockOffset -Source 'contoso.local'   # -600
    #>
    [CmdletBinding()]
    param([AllowNull()][AllowEmptyString()][string]$Source)
    if (-not $Source -or $Source -match 'Local CMOS Clock|Free-running System Clock') { return $null }
    $clock = Get-FsStagedSection -Section clock
    if ($clock.Contains('w32timeStatus') -and $clock['w32timeStatus'] -ne 'Running') { return $null }
    $offset = 0
    if ($null -ne $clock['offsetSeconds']) { $offset = [double]$clock['offsetSeconds'] }
    - $offset
}
