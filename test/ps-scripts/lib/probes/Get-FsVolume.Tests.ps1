BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    # Win32_LogicalDisk as Get-CimInstance returns it (DriveType uint32, Size and FreeSpace uint64).
    function New-FsDisk([string]$Id, [uint32]$Type = 3) { [pscustomobject]@{ DeviceID = $Id; DriveType = $Type; FileSystem = 'NTFS'; Size = [uint64]1000; FreeSpace = [uint64]300 } }
    # MSFT_DedupVolume as Get-DedupVolume lists it.
    function New-FsDedupVolume([string]$Volume, [bool]$Enabled) { [pscustomobject]@{ Volume = $Volume; VolumeId = '\\?\Volume{5c1a0e7d-0000-0000-0000-100000000000}\'; Enabled = $Enabled; SavingsRate = 42 } }
}

Describe 'Get-FsVolume (Windows cmdlets mocked)' {
    It 'reads Win32_LogicalDisk for the drive and finds it among the deduplicated volumes' {
        Mock Get-CimInstance { New-FsDisk 'D:' 4 } -ParameterFilter { $Filter -eq "DeviceID='D:'" }
        Mock Get-DedupVolume { New-FsDedupVolume 'E:' $true; New-FsDedupVolume 'D:' $true }
        $v = Get-FsVolume -DriveLetter 'd:'
        $v.driveType | Should -Be 4
        $v.freeBytes | Should -Be 300
        $v.dedupEnabled | Should -BeTrue
    }

    It 'reads dedup as off when no volume has deduplication metadata (Get-DedupVolume lists nothing)' {
        Mock Get-CimInstance { New-FsDisk 'C:' }
        Mock Get-DedupVolume { }
        (Get-FsVolume -DriveLetter 'C:').dedupEnabled | Should -BeFalse
    }

    It 'reads dedup as off for a volume whose deduplication was disabled (listed, Enabled false)' {
        Mock Get-CimInstance { New-FsDisk 'C:' }
        Mock Get-DedupVolume { New-FsDedupVolume 'C:' $false }
        (Get-FsVolume -DriveLetter 'C:').dedupEnabled | Should -BeFalse
    }

    It 'throws when Get-DedupVolume is denied, instead of reading "dedup off"' {
        Mock Get-CimInstance { New-FsDisk 'C:' }
        Mock Get-DedupVolume { throw (New-Object System.Management.Automation.ErrorRecord((New-Object System.UnauthorizedAccessException('Access denied')), 'HRESULT 0x80070005,Get-DedupVolume', 'PermissionDenied', $null)) }
        { Get-FsVolume -DriveLetter 'C:' } | Should -Throw '*Access denied*'
    }

    It 'reads dedup as off where the Data Deduplication feature is not installed' {
        Mock Get-CimInstance { New-FsDisk 'C:' }
        Mock Get-Command { $null } -ParameterFilter { $Name -eq 'Get-DedupVolume' }
        (Get-FsVolume -DriveLetter 'C:').dedupEnabled | Should -BeFalse
    }

    It 'returns $null for a drive that is not present' {
        Mock Get-CimInstance { }
        Get-FsVolume -DriveLetter 'Z:' | Should -BeNullOrEmpty
    }
}
