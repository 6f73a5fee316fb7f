BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-net-endpoints (staged probes)' {
    It 'passes when every public endpoint resolves, connects and completes a TLS 1.2 handshake' {
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence[0] | Should -Be '5 of 5 endpoints reachable (direct)'
    }

    It 'fails when login.microsoftonline.com does not resolve' {
        $s = Get-FsTestState
        $s.net.dns = @{ 'login.microsoftonline.com' = 'NXDOMAIN' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be '1 of 5 endpoints unreachable (direct): login.microsoftonline.com (dns NXDOMAIN)'
    }

    It 'fails on a TCP timeout and on a failed TLS handshake, naming both' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'pod01-rec2.weu.backup.windowsazure.com:443' = 'timeout' }
        $s.net.tls = @{ 'login.windows.net' = 'failed' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be '2 of 5 endpoints unreachable (direct): login.windows.net (tls failed: staged failed), pod01-rec2.weu.backup.windowsazure.com (tcp 443 timeout)'
    }

    It 'warns when only a warn-rated endpoint is unreachable' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'login.microsoft.com:443' = 'refused' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'Some public endpoints unreachable: login.microsoft.com'
    }

    It 'probes the China login host for cloud china' {
        $s = Get-FsTestState
        $s.net.dns = @{ 'login.partner.microsoftonline.cn' = 'NXDOMAIN' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Cloud china -Vars @{ storageProbeHosts = @('rsvdata.blob.core.chinacloudapi.cn'); vaultGeoCode = 'sha' }
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'Required china endpoints unreachable: login.partner.microsoftonline.cn'
    }

    It 'names the Azure Backup host it could not probe without vaultGeoCode' {
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State (Get-FsTestState) -Vars @{ vaultGeoCode = $null }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'pod01-rec2.<vaultGeoCode>.backup.windowsazure.com not probed: vaultGeoCode not given'
    }

    It 'goes through the declared proxy and fails on proxy errors' {
        $s = Get-FsTestState
        $s.net.http = @{ 'login.windows.net' = 'error:SecureChannelFailure' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Vars @{ proxy = @{ host = 'proxy.contoso.local'; port = 8080 } }
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be '1 of 5 endpoints unreachable (through proxy http://proxy.contoso.local:8080): login.windows.net (through proxy: error:SecureChannelFailure)'
    }
}
