function Get-FsParentPath {
    <#
    .SYNOPSIS
        Parent of a Windows path by plain string rules (works the same on a Linux test host); $null at a root.
    .PARAMETER Path
        For example 'C:\Program Files\Microsoft Azure Recovery Services Agent'.
    .EXAMPLE
        Get-FsParentPath 'C:\Program Files\X'   # C:\Program Files
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    $trimmed = $Path.TrimEnd('\')
    if ($trimmed -match '^[A-Za-z]:$') { return $null }
    $index = $trimmed.LastIndexOf('\')
    if ($index -lt 0) { return $null }
    $parent = $trimmed.Substring(0, $index)
    if ($parent -match '^[A-Za-z]:$') { return $parent + '\' }
    if ($parent -match '^\\\\[^\\]+$' -or $parent -eq '\' -or $parent -eq '') { return $null }
    $parent
}
