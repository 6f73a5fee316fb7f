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

    It 'goes through the declared proxy and fails when the tunnel opens but TLS fails' {
        $s = Get-FsTestState
        $s.net.tls = @{ 'login.windows.net' = 'failed' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Vars @{ proxy = @{ host = 'proxy.contoso.local'; port = 8080 } }
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be '1 of 5 endpoints unreachable (through proxy http://proxy.contoso.local:8080): login.windows.net (tunnel open, tls failed: staged failed)'
    }

    It 'fails an endpoint whose CONNECT the proxy refuses with 403, where any HTTP answer used to count as reachable' {
        $s = Get-FsTestState
        $s.net.connect = @{ 'pod01-rec2.weu.backup.windowsazure.com' = 403 }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Vars @{ proxy = @{ host = 'proxy.contoso.local'; port = 8080 } }
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'Required public endpoints unreachable: pod01-rec2.weu.backup.windowsazure.com'
        $r.evidence[0] | Should -Be '1 of 5 endpoints unreachable (through proxy http://proxy.contoso.local:8080): pod01-rec2.weu.backup.windowsazure.com (proxy refused CONNECT: 403 Forbidden)'
    }

    It 'names a proxy that wants credentials (407) for the endpoints it holds back' {
        $s = Get-FsTestState
        $s.net.connect = @{ 'login.microsoftonline.com' = 407 }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Vars @{ proxy = @{ host = 'proxy.contoso.local'; port = 8080 } }
        $r.evidence[0] | Should -BeLike '*login.microsoftonline.com (proxy answered 407 (authentication required))'
    }

    It 'reaches an endpoint whose first DNS answer is an IPv6 address while IPv6 egress is blocked, through its IPv4 address' {
        $s = Get-FsTestState
        $s.net.dns = @{ 'login.microsoftonline.com' = @('2603:1026:3000:140::3', '20.190.151.9') }
        $s.net.tcp = @{ '[2603:1026:3000:140::3]:443' = 'timeout' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence[0] | Should -Be '5 of 5 endpoints reachable (direct)'
        $r.evidence | Should -Contain 'info: login.microsoftonline.com resolves inside the documented Entra ID ranges 20.190.128.0/18, 40.126.0.0/18'
    }

    It 'fails with every address named when neither the IPv6 nor the IPv4 address connects' {
        $s = Get-FsTestState
        $s.net.dns = @{ 'login.microsoftonline.com' = @('2603:1026:3000:140::3', '20.190.151.9') }
        $s.net.tcp = @{ 'login.microsoftonline.com:443' = 'timeout' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be '1 of 5 endpoints unreachable (direct): login.microsoftonline.com (tcp 443 failed: 2603:1026:3000:140::3 timeout; 20.190.151.9 timeout)'
    }

    It 'CRL and OCSP hosts blocked while the MARS URLs are allowed: the endpoints pass their handshake and the check warns about revocation apart' {
        $s = Get-FsTestState
        $s.net.revocation = @{ '*' = 'unreachable' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'All probed public endpoints reachable; their certificates'' revocation servers are not'
        $r.evidence[0] | Should -Be '5 of 5 endpoints reachable (direct)'
        $r.evidence | Should -Contain 'login.microsoftonline.com: revocation servers unreachable: crl.staged.test:80 (tcp timeout), ocsp.staged.test:80 (tcp timeout)'
    }

    It 'sends hosts on SYSTEM''s bypass list direct and the rest through SYSTEM''s proxy' {
        $s = Get-FsTestState
        $inet = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
        $s.registry[$inet] = @{ ProxyEnable = 1; ProxyServer = 'http=webproxy:80;https=proxy.contoso.local:8443'; ProxyOverride = '*.microsoftonline.com;<local>' }
        $s.net.tcp = @{ 'proxy.contoso.local:8443' = 'open' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'pass'
        $r.evidence[0] | Should -Be '5 of 5 endpoints reachable (through proxy http://proxy.contoso.local:8443; bypassed: login.microsoftonline.com)'
    }

    It 'warns instead of failing when SYSTEM''s proxy comes from a PAC script and the direct path is blocked' {
        $s = Get-FsTestState
        $inet = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
        $s.registry[$inet] = @{ ProxyEnable = 0; AutoConfigURL = 'http://wpad.contoso.local/proxy.pac' }
        $s.net.tcp = @{ 'login.microsoftonline.com:443' = 'timeout' }
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State $s -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'warn'
        $r.reason | Should -Be 'the agent''s proxy comes from a PAC script or WPAD, which the scan cannot evaluate'
        $r.evidence | Should -Contain 'proxy: SYSTEM finds its proxy by PAC script http://wpad.contoso.local/proxy.pac (SYSTEM WinINET, SYSTEM (HKU\S-1-5-18)), which cannot be evaluated here; probes go direct'
    }

    It 'leaves Backup and Storage of an Azure China vault with private endpoints to mars-private-endpoint-dns, which applies to China' {
        $r = Invoke-FsTestPack -Id 'mars-net-endpoints' -State (Get-FsTestState -Name 'healthy-china') -Vars @{ privateEndpoint = $true }
        $r.evidence | Should -Contain 'backup endpoints judged by mars-private-endpoint-dns (privateEndpoint)'
        @($global:FsCheckRegistry['mars-private-endpoint-dns']['Metadata']['clouds']) | Should -Contain 'china'
    }
}
