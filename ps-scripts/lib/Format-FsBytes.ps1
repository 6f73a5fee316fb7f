function Format-FsBytes {
    <#
    .SYNOPSIS
        Formats a byte count as decimal gigabytes (10^9, as the MARS sizing rules are read) in the invariant culture.
    .PARAMETER Bytes
        The byte count.
    .EXAMPLE
        Format-FsBytes -Bytes 30000000000   # 30.0 GB
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][double]$Bytes)
    ($Bytes / 1e9).ToString('0.0', [System.Globalization.CultureInfo]::InvariantCulture) + ' GB'
}
