function Test-FsSamePath {
    <#
    .SYNOPSIS
        Compares two Windows paths case-insensitively, ignoring a trailing backslash.
    .PARAMETER Left
        First path.
    .PARAMETER Right
        Second path.
    .EXAMPLE
        Test-FsSamePath 'C:\Scratch\' 'c:\scratch'   # True
    #>
    [CmdletBinding()]
    param([AllowNull()][string]$Left, [AllowNull()][string]$Right)
    if ([string]::IsNullOrEmpty($Left) -or [string]::IsNullOrEmpty($Right)) { return $false }
    [string]::Equals($Left.TrimEnd('\'), $Right.TrimEnd('\'), [System.StringComparison]::OrdinalIgnoreCase)
}
