function ConvertTo-FsVersion {
    <#
    .SYNOPSIS
        Parses a version string into [version] (never compare versions as strings); $null when it cannot.
    .PARAMETER Text
        For example '2.0.9249.0' or '5.1.17763.1'.
    .EXAMPLE
        (ConvertTo-FsVersion '2.0.9207.0') -lt (ConvertTo-FsVersion '2.0.9249.0')
    #>
    [CmdletBinding()]
    param([AllowNull()]$Text)
    if ($null -eq $Text) { return $null }
    $clean = ([string]$Text).Trim() -replace '[^0-9.].*$', ''
    if ($clean -notmatch '\.') { $clean = $clean + '.0' }
    $parsed = $null
    if ([version]::TryParse($clean, [ref]$parsed)) { return $parsed }
    $null
}
