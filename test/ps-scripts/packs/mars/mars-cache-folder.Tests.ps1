BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-cache-folder (staged probes)' {
    It 'passes for a plain Scratch folder on local fixed C: with matching ScratchLocation values' {
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'volume C: DriveType 3, NTFS, dedup off'
    }

    It 'fails for a cache on a network volume (DriveType 4)' {
        $s = Get-FsTestState
        $s.volumes['D:'] = @{ driveType = 4; fileSystem = 'NTFS'; sizeBytes = 1000000000000; freeBytes = 500000000000 }
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State $s -Vars @{ cacheLocation = 'D:\Cache' }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'volume D: DriveType 4 (network)'
    }

    It 'fails when the two ScratchLocation values differ' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config\CloudBackupProvider' ScratchLocation 'D:\OldCache'
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain ('ScratchLocation values differ: Config ' + $ip + '\Scratch vs CloudBackupProvider D:\OldCache')
    }

    It 'fails for a sparse cache folder' {
        $s = Get-FsTestState
        $s.dirs[$ip + '\Scratch'].attributes = @('Directory', 'SparseFile')
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain ($ip + '\Scratch is SparseFile')
    }

    It 'fails when deduplication is enabled on the cache volume' {
        $s = Get-FsTestState
        $s.volumes['C:'].dedupEnabled = $true
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'deduplication enabled on C:'
    }

    It 'names where the cache path came from' {
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State (Get-FsTestState)
        $r.evidence[0] | Should -Be ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)')
    }

    It 'errors instead of passing the default Scratch folder when the agent facts could not be read' {
        $s = Get-FsTestState
        $s.registry['HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config'] = @{ error = 'Requested registry access is not allowed.' }
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'install path unknown: agent facts unavailable (mars-agent-detect failed) and installPath var not set'
    }

    It 'errors, never reads "dedup off", when the deduplication state of the cache volume cannot be read' {
        $s = Get-FsTestState
        $s.volumes['C:'] = @{ error = 'Access denied' }
        $r = Invoke-FsTestPack -Id 'mars-cache-folder' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'Access denied'
    }
}
