BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-os-supported (staged probes)' {
    It 'passes on 64-bit Windows Server 2022 (10.0.20348, ProductType 3)' {
        $r = Invoke-FsTestPack -Id 'mars-os-supported' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.summary | Should -Be 'Windows Server 2022 is supported'
        $r.evidence | Should -Contain 'Microsoft Windows Server 2022 Datacenter, version 10.0.20348, ProductType 3, 64-bit'
    }

    It 'fails on 32-bit Windows' {
        $s = Get-FsTestState
        $s.os.osArchitecture = '32-bit'
        $r = Invoke-FsTestPack -Id 'mars-os-supported' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'OSArchitecture 32-bit is not 64-bit'
    }

    It 'fails on a Windows Vista client (6.0.6001, ProductType 1)' {
        $s = Get-FsTestState
        $s.os = @{ version = '6.0.6001'; buildNumber = '6001'; caption = 'Microsoft Windows Vista Business'; productType = 1; osArchitecture = '64-bit'; installationType = 'Client' }
        $r = Invoke-FsTestPack -Id 'mars-os-supported' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'version 6.0.6001 ProductType 1 is not in the support matrix'
    }

    It 'warns on Windows Server 2008 R2 as end of support' {
        $s = Get-FsTestState
        $s.os.version = '6.1.7601'; $s.os.buildNumber = '7601'
        $r = Invoke-FsTestPack -Id 'mars-os-supported' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'version 6.1: end of support, upgrade strongly recommended'
    }

    It 'passes Windows Server 2025 (build 26100), which the support matrix lists' {
        $s = Get-FsTestState
        $s.os.version = '10.0.26100'; $s.os.buildNumber = '26100'; $s.os.caption = 'Microsoft Windows Server 2025 Datacenter'
        $r = Invoke-FsTestPack -Id 'mars-os-supported' -State $s
        $r.status | Should -Be 'pass'
        $r.summary | Should -Be 'Windows Server 2025 is supported'
        $r.evidence | Should -Contain 'build 26100 = Windows Server 2025, in the support matrix'
    }

    It 'warns on a server build newer than the support matrix' {
        $s = Get-FsTestState
        $s.os.version = '10.0.27000'; $s.os.buildNumber = '27000'
        $r = Invoke-FsTestPack -Id 'mars-os-supported' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'build 27000 > 26100 (Windows Server 2025, the newest server in the matrix)'
    }
}
