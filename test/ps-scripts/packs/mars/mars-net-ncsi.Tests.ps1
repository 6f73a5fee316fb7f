BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-net-ncsi (staged probes)' {
    BeforeAll {
        $connect = 'http://www.msftconnecttest.com/connecttest.txt'
        $ncsi = 'http://www.msftncsi.com/ncsi.txt'
    }

    It 'passes when the connectivity-check file comes back over plain HTTP with its text' {
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('2 of 2 probes answered (direct)', ($connect + ': HTTP 200 "Microsoft Connect Test"'), ($ncsi + ': HTTP 200 "Microsoft NCSI"'), 'proxy: declared proxy none (direct)')
    }

    It 'probes port 80, not 443: a firewall that only lets 443 out fails Windows'' check' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'www.msftconnecttest.com:80' = 'timeout'; 'www.msftncsi.com:80' = 'timeout'; 'www.msftconnecttest.com:443' = 'open'; 'www.msftncsi.com:443' = 'open' }
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence[0] | Should -Be '0 of 2 connectivity-check probes answered as Windows expects (direct)'
        $r.evidence | Should -Contain ($connect + ': timeout')
    }

    It 'passes on the older probe alone (Windows before 10/Server 2016 uses www.msftncsi.com)' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'www.msftconnecttest.com:80' = 'refused' }
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain ($connect + ': error:ConnectFailure: staged connection refused')
    }

    It 'warns when a captive portal redirects and a filtering proxy answers 200 with its own page' {
        $s = Get-FsTestState
        $s.net.web = @{ $connect = @{ status = 302 }; $ncsi = @{ status = 200; body = '<html>Access denied by policy</html>' } }
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain ($connect + ': HTTP 302 redirect (captive portal or filtering proxy)')
        $r.evidence | Should -Contain ($ncsi + ': HTTP 200 "<html>Access denied by policy</html>", not "Microsoft NCSI" (captive portal or filtering proxy)')
    }

    It 'goes through the planned proxy' {
        $r = Invoke-FsTestPack -Id 'mars-net-ncsi' -State (Get-FsTestState) -Vars @{ proxy = @{ host = 'proxy.contoso.local'; port = 8080 } }
        $r.status | Should -Be 'pass'
        $r.evidence[0] | Should -Be '2 of 2 probes answered (through proxy http://proxy.contoso.local:8080)'
    }
}
