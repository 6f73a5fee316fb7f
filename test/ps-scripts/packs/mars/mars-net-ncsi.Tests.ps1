BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-net-ncsi (staged probes)' {
    It 'passes when www.msftconnecttest.com is reachable on 443' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'www.msftncsi.com:443' = 'timeout' }
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('www.msftconnecttest.com: Tls12 ok', 'www.msftncsi.com: tcp 443 timeout')
    }

    It 'warns when both NCSI hosts time out' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'www.msftncsi.com:443' = 'timeout'; 'www.msftconnecttest.com:443' = 'timeout' }
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain '0 of 2 NCSI hosts reachable'
    }
}
