BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsVolume (Windows cmdlets mocked)' {
    It 'reads Win32_LogicalDisk for the drive and the dedup state' {
        Mock Get-CimInstance { [pscustomobject]@{ DeviceID = 'D:'; DriveType = [uint32]4; FileSystem = 'NTFS'; Size = [uint64]1000; FreeSpace = [uint64]300 } } -ParameterFilter { $Filter -eq "DeviceID='D:'" }
        Mock Get-DedupVolume { [pscustomobject]@{ Enabled = $true } }
        $v = Get-FsVolume -DriveLetter 'd:'
        $v.driveType | Should -Be 4
        $v.freeBytes | Should -Be 300
        $v.dedupEnabled | Should -BeTrue
    }

    It 'returns $null for a drive that is not present' {
        Mock Get-CimInstance { }
        Get-FsVolume -DriveLetter 'Z:' | Should -BeNullOrEmpty
    }
}
