function Get-FsVolume {
    <#
    .SYNOPSIS
        One logical disk by drive letter: drive type, file system, size, free space, deduplication; $null if absent.
    .DESCRIPTION
        Deduplication reads as off only when the Data Deduplication cmdlets are not installed or list no enabled
        volume for this letter; when they cannot be read the probe throws (the check reports error).
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
        # Without -Volume the cmdlet lists the volumes that have deduplication metadata and answers nothing
        # when there are none; asking for one volume would make "not enabled here" an error indistinguishable
        # from access denied. Any error now (access denied, provider broken) throws.
        foreach ($volume in @(Get-DedupVolume -ErrorAction Stop)) {
            if ([string]::Equals(([string]$volume.Volume).TrimEnd('\'), $letter, [System.StringComparison]::OrdinalIgnoreCase) -and $volume.Enabled) { $dedup = $true }
        }
    }
    @{ driveLetter = $letter; driveType = [int]$disk.DriveType; fileSystem = [string]$disk.FileSystem; sizeBytes = [long]$disk.Size; freeBytes = [long]$disk.FreeSpace; dedupEnabled = $dedup }
}
