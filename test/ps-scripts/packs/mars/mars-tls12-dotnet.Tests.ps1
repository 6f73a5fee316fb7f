BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-tls12-dotnet (staged probes)' {
    BeforeAll {
        $k64 = 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319'
        $k32 = 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319'
    }

    It 'passes when all four values are 1' {
        $r = Invoke-FsTestPack -Id 'mars-tls12-dotnet' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'WOW6432Node SystemDefaultTlsVersions=1'
    }

    It 'fails when SchUseStrongCrypto is absent in the 64-bit key' {
        $s = Get-FsTestState
        $s.registry[$k64].Remove('SchUseStrongCrypto')
        $r = Invoke-FsTestPack -Id 'mars-tls12-dotnet' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain '64-bit SchUseStrongCrypto=absent'
    }

    It 'warns when only the WOW6432Node values are missing' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $k32 -Remove
        $r = Invoke-FsTestPack -Id 'mars-tls12-dotnet' -State $s
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'Not set to 1: WOW6432Node SchUseStrongCrypto, WOW6432Node SystemDefaultTlsVersions'
    }
}
