BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-os-updates (staged probes)' {
    It 'passes when the newest update is 10 days old' {
        $r = Invoke-FsTestPack -Id 'mars-os-updates' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('newest update KB5041160 installed 2026-11-15 (10 days ago) <= 60 days')
    }

    It 'warns when the newest update is 200 days old' {
        $s = Get-FsTestState
        $s.hotfixes = @(@{ id = 'KB5030216'; ageDays = 200 }, @{ id = 'KB5029000'; ageDays = 230 })
        $r = Invoke-FsTestPack -Id 'mars-os-updates' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('newest update KB5030216 installed 2026-05-09 (200 days ago) > 60 days')
    }

    It 'warns when no update has a readable install date' {
        $s = Get-FsTestState
        $s.hotfixes = @(@{ id = 'KB5030216' })
        $r = Invoke-FsTestPack -Id 'mars-os-updates' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('1 updates listed, none with a readable install date')
    }
}
