BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-cache-free-space (staged probes)' {
    It 'passes with 20 % of the planned backup size free' {
        $r = Invoke-FsTestPack -Id 'mars-cache-free-space' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('free 200.0 GB of 500.0 GB on C: >= recommended 100.0 GB (10 % of 1000.0 GB planned)', ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)'))
    }

    It 'fails with 3 % free' {
        $s = Get-FsTestState
        $s.volumes['C:'].freeBytes = 30000000000
        $r = Invoke-FsTestPack -Id 'mars-cache-free-space' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('free 30.0 GB of 500.0 GB on C: < minimum 50.0 GB (5 % of 1000.0 GB planned)', ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)'))
    }

    It 'warns with 7 % free' {
        $s = Get-FsTestState
        $s.volumes['C:'].freeBytes = 70000000000
        $r = Invoke-FsTestPack -Id 'mars-cache-free-space' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('free 70.0 GB of 500.0 GB on C: < recommended 100.0 GB (10 % of 1000.0 GB planned)', ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)'))
    }

    It 'adds 30 GB to the minimum for System State backup' {
        $s = Get-FsTestState
        $s.volumes['C:'].freeBytes = 75000000000
        $r = Invoke-FsTestPack -Id 'mars-cache-free-space' -State $s -Vars @{ systemStateBackup = $true }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('free 75.0 GB of 500.0 GB on C: < minimum 80.0 GB (5 % of 1000.0 GB planned + System State)', ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)'))
    }

    It 'warns that it cannot evaluate without plannedBackupBytes and reports the free space' {
        $r = Invoke-FsTestPack -Id 'mars-cache-free-space' -State (Get-FsTestState) -Vars @{ plannedBackupBytes = $null }
        $r.status | Should -Be 'warn'
        $r.reason | Should -Be 'plannedBackupBytes is not set'
        $r.evidence | Should -Be @('free 200.0 GB of 500.0 GB on C:', ('cache folder ' + $ip + '\Scratch (Config\ScratchLocation)'))
    }
}
