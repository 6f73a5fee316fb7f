BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-tls12-schannel (staged probes)' {
    BeforeAll { $key = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client' }

    It 'passes on 10.0.17763 with the TLS 1.2 Client key absent (OS default)' {
        $s = Get-FsTestState
        $s.os.version = '10.0.17763'
        $r = Invoke-FsTestPack -Id 'mars-tls12-schannel' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('version 10.0.17763; TLS 1.2\Client Enabled=absent, DisabledByDefault=absent (absent values mean the default: enabled from 6.2 on)')
    }

    It 'fails when TLS 1.2 Client Enabled is 0' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $key Enabled 0
        $r = Invoke-FsTestPack -Id 'mars-tls12-schannel' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('version 10.0.20348; TLS 1.2\Client Enabled=0, DisabledByDefault=absent')
    }

    It 'fails on 6.1 when the key is absent (TLS 1.2 off by default there)' {
        $s = Get-FsTestState
        $s.os.version = '6.1.7601'
        $r = Invoke-FsTestPack -Id 'mars-tls12-schannel' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('version 6.1.7601; TLS 1.2\Client Enabled=absent, DisabledByDefault=absent (6.0/6.1 need Enabled=1 and DisabledByDefault=0)')
    }

    It 'passes on 6.1 when Enabled=1 and DisabledByDefault=0 are set' {
        $s = Get-FsTestState
        $s.os.version = '6.1.7601'
        Set-FsTestValue $s registry $key Enabled 1
        Set-FsTestValue $s registry $key DisabledByDefault 0
        $r = Invoke-FsTestPack -Id 'mars-tls12-schannel' -State $s
        $r.status | Should -Be 'pass'
    }

    It 'passes Windows Server 2012 (6.2) with the values absent: SChannel enables the TLS 1.2 client by default from 6.2 on' {
        $s = Get-FsTestState
        $s.os.version = '6.2.9200'
        $r = Invoke-FsTestPack -Id 'mars-tls12-schannel' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('version 6.2.9200; TLS 1.2\Client Enabled=absent, DisabledByDefault=absent (absent values mean the default: enabled from 6.2 on)')
    }
}
