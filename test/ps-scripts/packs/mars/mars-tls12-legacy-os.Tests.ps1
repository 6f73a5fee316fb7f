BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-tls12-legacy-os (staged probes)' {
    BeforeAll {
        $k64 = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
        $k32 = 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
        function New-Fs2008R2State {
            $s = Get-FsTestState
            $s.os.version = '6.1.7601'; $s.os.buildNumber = '7601'
            $s.hotfixes = @(@{ id = 'KB3140245'; ageDays = 20 })
            Set-FsTestValue $s registry $k64 DefaultSecureProtocols 2560
            Set-FsTestValue $s registry $k32 DefaultSecureProtocols 2560
            $s
        }
    }

    It 'is skipped on 6.3 and later' {
        $r = Invoke-FsTestPack -Id 'mars-tls12-legacy-os' -State (Get-FsTestState)
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'only applies to Windows 6.0-6.2; this host is version 10.0.20348'
    }

    It 'passes on 6.1 with KB3140245 and DefaultSecureProtocols 0xA00 in both keys' {
        $r = Invoke-FsTestPack -Id 'mars-tls12-legacy-os' -State (New-Fs2008R2State)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('version 6.1.7601', '64-bit DefaultSecureProtocols 0xA00', 'WOW6432Node DefaultSecureProtocols 0xA00', 'KB3140245 installed')
    }

    It 'fails on 6.1 when DefaultSecureProtocols is absent' {
        $s = New-Fs2008R2State
        Set-FsTestValue $s registry $k32 -Remove
        $r = Invoke-FsTestPack -Id 'mars-tls12-legacy-os' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'WOW6432Node DefaultSecureProtocols absent'
    }

    It 'fails when DefaultSecureProtocols lacks the TLS 1.2 bit 0x800' {
        $s = New-Fs2008R2State
        Set-FsTestValue $s registry $k64 DefaultSecureProtocols 512
        $r = Invoke-FsTestPack -Id 'mars-tls12-legacy-os' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain '64-bit DefaultSecureProtocols 0x200 lacks 0x800 (TLS 1.2)'
    }

    It 'warns when the KB is not in the hotfix list' {
        $s = New-Fs2008R2State
        $s.hotfixes = @(@{ id = 'KB4000000'; ageDays = 20 })
        $r = Invoke-FsTestPack -Id 'mars-tls12-legacy-os' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'KB3140245 not installed (a rollup may supersede it)'
    }
}
