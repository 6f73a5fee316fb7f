BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-os-server-core (staged probes)' {
    It 'passes on a Server (Desktop Experience) installation' {
        $r = Invoke-FsTestPack -Id 'mars-os-server-core' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('InstallationType Server')
    }

    It 'fails on Server Core' {
        $s = Get-FsTestState
        $s.os.installationType = 'Server Core'
        $r = Invoke-FsTestPack -Id 'mars-os-server-core' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('InstallationType Server Core')
    }

    It 'errors when InstallationType is absent, because it cannot decide' {
        $s = Get-FsTestState
        $s.os.Remove('installationType')
        $r = Invoke-FsTestPack -Id 'mars-os-server-core' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -BeLike 'InstallationType is absent*'
    }
}
