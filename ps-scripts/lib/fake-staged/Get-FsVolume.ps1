function Get-FsVolume {
    <#
    .SYNOPSIS
        Staged twin: volumes["C:"] with driveType, fileSystem, sizeBytes, freeBytes, dedupEnabled; $null if absent.
    .PARAMETER DriveLetter
        For example 'C:'.
    .EXAMPLE
        Get-FsVolume -DriveLetter 'C:'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$DriveLetter)
    $letter = $DriveLetter.Substring(0, 1).ToUpperInvariant() + ':'
    $v = Get-FsStagedEntry -Section volumes -Key $letter
    if ($null -eq $v) { return $null }
    $driveType = 3
    if ($null -ne $v['driveType']) { $driveType = [int]$v['driveType'] }
    $fileSystem = 'NTFS'
    if ($v['fileSystem']) { $fileSystem = [string]$v['fileSystem'] }
    @{ driveLetter = $letter; driveType = $driveType; fileSystem = $fileSystem; sizeBytes = [long]$v['sizeBytes']; freeBytes = [long]$v['freeBytes']; dedupEnabled = [bool]$v['dedupEnabled'] }
}
