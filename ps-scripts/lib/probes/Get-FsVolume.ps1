function Get-FsVolume {
    <#
    .SYNOPSIS
        One logical disk by drive letter: drive type, file system, size, free space, deduplication; $null if absent.
    .PARAMETER DriveLetter
        For example 'C:'.
    .EXAMPLE
        Get-FsVolume -DriveLetter 'C:'   # @{ driveType=3; fileSystem='NTFS'; sizeBytes=...; freeBytes=...; dedupEnabled=$false }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$DriveLetter)
    $letter = $DriveLetter.Substring(0, 1).ToUpperInvariant() + ':'
    $disk = Get-CimInstance -ClassName Win32_LogicalDisk -Filter ("DeviceID='" + $letter + "'") -ErrorAction Stop
    if ($null -eq $disk) { return $null }
    $dedup = $false
    if (Get-Command -Name Get-DedupVolume -ErrorAction SilentlyContinue) {
        $volume = Get-DedupVolume -Volume $letter -ErrorAction SilentlyContinue
        if ($volume -and $volume.Enabled) { $dedup = $true }
    }
    @{ driveLetter = $letter; driveType = [int]$disk.DriveType; fileSystem = [string]$disk.FileSystem; sizeBytes = [long]$disk.Size; freeBytes = [long]$disk.FreeSpace; dedupEnabled = $dedup }
}
