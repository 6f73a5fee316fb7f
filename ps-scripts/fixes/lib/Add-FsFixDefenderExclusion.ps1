function Add-FsFixDefenderExclusion {
    <#
    .SYNOPSIS
        Adds one Microsoft Defender Antivirus exclusion: a path or a process.
    .DESCRIPTION
        Add-MpPreference adds to the list (Set-MpPreference would replace it). A group policy or Intune
        setting can override local exclusions; the next scan shows whether it held.
    .PARAMETER Path
        A folder to exclude.
    .PARAMETER Process
        A process image name to exclude, e.g. cbengine.exe.
    .EXAMPLE
        Add-FsFixDefenderExclusion -Process cbengine.exe
    #>
    [CmdletBinding()]
    param([string]$Path, [string]$Process)
    if ($Path) { Add-MpPreference -ExclusionPath $Path -Force -ErrorAction Stop; return ('excluded path ' + $Path) }
    Add-MpPreference -ExclusionProcess $Process -Force -ErrorAction Stop
    'excluded process ' + $Process
}
