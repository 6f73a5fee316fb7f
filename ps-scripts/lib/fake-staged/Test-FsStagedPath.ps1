function Test-FsStagedPath {
    <#
    .SYNOPSIS
        Tells whether a path exists on the staged host, and whether it is a folder.
    .DESCRIPTION
        A path exists when it is listed under files or dirs, is an ancestor of a listed path (so a state
        need not list every parent folder), is the root of a listed volume, or is C:\Program Files or
        C:\Windows (every Windows host has them). Returns 'file', 'dir' or $null.
    .PARAMETER Path
        A Windows path.
    .EXAMPLE
        Test-FsStagedPath -Path 'C:\Program Files'   # dir
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    $clean = $Path.TrimEnd('\')
    # A section staged as unreadable makes every path under it unreadable, as a denied folder would.
    $files = Get-FsStagedEntry -Section files
    $dirs = Get-FsStagedEntry -Section dirs
    if ($files -is [System.Collections.IDictionary] -and $files.Contains($clean)) { return 'file' }
    if ($dirs -is [System.Collections.IDictionary] -and ($dirs.Contains($clean) -or $dirs.Contains($clean + '\'))) { return 'dir' }
    # Every Windows host has these; Get-FsKnownFolder answers them for a staged host.
    if (@('C:\Program Files', 'C:\Windows') -contains $clean) { return 'dir' }
    if ($clean -match '^[A-Za-z]:$') {
        $volumes = Get-FsStagedEntry -Section volumes
        if ($volumes -is [System.Collections.IDictionary] -and $volumes.Contains($clean.ToUpperInvariant())) { return 'dir' }
    }
    $prefix = $clean + '\'
    foreach ($section in @($files, $dirs)) {
        if ($section -isnot [System.Collections.IDictionary]) { continue }
        foreach ($key in $section.Keys) {
            if ($key.StartsWith($prefix, [System.StringComparison]::OrdinalIgnoreCase)) { return 'dir' }
        }
    }
    $null
}
