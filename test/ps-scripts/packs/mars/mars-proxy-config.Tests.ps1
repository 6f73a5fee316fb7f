BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-proxy-config (staged probes)' {
    BeforeAll {
        $inet = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
        $connections = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
        $direct = 'SYSTEM WinINET (SYSTEM (HKU\S-1-5-18)): ProxyEnable=0, ProxyServer=absent, ProxyOverride=absent, AutoConfigURL=absent, auto-detect off; WinHTTP direct (WinHttpSettings absent (direct access))'
        # WinHttpSettings as 'netsh winhttp set proxy <Proxy> "<Bypass>"' writes it, as the registry's list of bytes.
        function New-FsWinHttpRecord([string]$Proxy, [string]$Bypass) {
            $bytes = New-Object System.Collections.Generic.List[int]
            foreach ($b in @(0x28, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0)) { $bytes.Add($b) }
            foreach ($text in @($Proxy, $Bypass)) {
                foreach ($b in [System.BitConverter]::GetBytes([int]$text.Length)) { $bytes.Add([int]$b) }
                foreach ($b in [System.Text.Encoding]::ASCII.GetBytes($text)) { $bytes.Add([int]$b) }
            }
            , $bytes.ToArray()
        }
    }

    It 'passes with proxy none, ProxyEnable 0 and direct WinHTTP' {
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('declared proxy none', $direct)
    }

    It 'fails when the declared proxy port refuses connections' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'p:8080' = 'refused' }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080 } }
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be 'proxy p:8080: tcp 8080 refused: staged: connection refused'
    }

    It 'fails when the proxy answers the CONNECT with 407 and authRequired is false' {
        $s = Get-FsTestState
        $s.net.connect = @{ 'login.microsoftonline.com' = 407 }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080; authRequired = $false } }
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be 'CONNECT login.microsoftonline.com:443 through p:8080: 407 Proxy Authentication Required'
    }

    It 'passes when the proxy answers 407 and credentials are planned' {
        $s = Get-FsTestState
        $s.net.connect = @{ 'login.microsoftonline.com' = 407 }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080; authRequired = $true } }
        $r.status | Should -Be 'pass'
        $r.evidence[1] | Should -Be 'the proxy wants credentials, as planned (authRequired true): give them to the agent'
    }

    It 'fails when the proxy refuses the CONNECT itself (403), instead of counting its answer as reachable' {
        $s = Get-FsTestState
        $s.net.connect = @{ 'login.microsoftonline.com' = 403 }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080 } }
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'Proxy p:8080 does not open a tunnel to login.microsoftonline.com'
        $r.evidence[0] | Should -Be 'CONNECT login.microsoftonline.com:443 through p:8080: 403 Forbidden'
    }

    It 'passes when the proxy opens the tunnel, naming the TLS result through it' {
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State (Get-FsTestState) -Vars @{ proxy = @{ host = 'p'; port = 8080 } }
        $r.status | Should -Be 'pass'
        $r.evidence[0] | Should -Be 'CONNECT login.microsoftonline.com:443 through p:8080: 200 Connection established, TLS Tls12'
    }

    It 'warns when no proxy is planned but SYSTEM has ProxyEnable 1' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $inet ProxyEnable 1
        Set-FsTestValue $s registry $inet ProxyServer 'proxy.contoso.local:8080'
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'SYSTEM WinINET (SYSTEM (HKU\S-1-5-18)): ProxyEnable=1, ProxyServer=proxy.contoso.local:8080, ProxyOverride=absent, AutoConfigURL=absent, auto-detect off; WinHTTP direct (WinHttpSettings absent (direct access))'
    }

    It 'fails when proxy is system but SYSTEM has no proxy' {
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State (Get-FsTestState) -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'proxy is system but SYSTEM has no proxy configured'
    }

    It 'German or French host: finds the WinHTTP proxy in its registry record, which no display language changes' {
        $s = Get-FsTestState
        $s.registry[$connections] = @{ WinHttpSettings = (New-FsWinHttpRecord 'proxy.contoso.local:3128' '<local>') }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'SYSTEM WinINET (SYSTEM (HKU\S-1-5-18)): ProxyEnable=0, ProxyServer=absent, ProxyOverride=absent, AutoConfigURL=absent, auto-detect off; WinHTTP proxy.contoso.local:3128 (bypass <local>) (WinHttpSettings)'
    }

    It 'proxy = system with a per-protocol list: the agent would use the https= proxy, not the first entry' {
        $s = Get-FsTestState
        $s.registry[$inet] = @{ ProxyEnable = 1; ProxyServer = 'http=webproxy:80;https=secureproxy:8443' }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'the agent would use: SYSTEM proxy secureproxy:8443 (SYSTEM WinINET, SYSTEM (HKU\S-1-5-18), ProxyServer http=webproxy:80;https=secureproxy:8443)'
    }

    It 'proxy = system under the per-machine proxy policy: reads the machine''s settings, not SYSTEM''s' {
        $s = Get-FsTestState
        $s.registry['HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings'] = @{ ProxySettingsPerUser = 0 }
        $s.registry['HKLM:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'] = @{ ProxyEnable = 1; ProxyServer = 'machineproxy:3128' }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'the agent would use: SYSTEM proxy machineproxy:3128 (SYSTEM WinINET, machine (policy ProxySettingsPerUser=0), ProxyServer machineproxy:3128)'
    }

    It 'proxy = system with only a WinHTTP proxy and a PAC-free, direct WinINET: the WinHTTP proxy counts' {
        $s = Get-FsTestState
        $s.registry[$connections] = @{ WinHttpSettings = (New-FsWinHttpRecord 'proxy.contoso.local:8080' '') }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'the agent would use: SYSTEM proxy proxy.contoso.local:8080 (WinHTTP, proxy.contoso.local:8080)'
    }

    It 'errors, never reads "direct", when the WinHTTP record cannot be read' {
        $s = Get-FsTestState
        $s.registry[$connections] = @{ error = 'Requested registry access is not allowed.' }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s
        $r.status | Should -Be 'error'
    }
}
