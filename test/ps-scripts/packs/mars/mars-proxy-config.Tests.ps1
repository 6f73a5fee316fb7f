BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-proxy-config (staged probes)' {
    BeforeAll { $inet = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings' }

    It 'passes with proxy none, ProxyEnable 0 and direct WinHTTP' {
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('declared proxy none', 'SYSTEM WinINET ProxyEnable=0, ProxyServer=absent, AutoConfigURL=absent; WinHTTP direct')
    }

    It 'fails when the declared proxy port refuses connections' {
        $s = Get-FsTestState
        $s.net.tcp = @{ 'p:8080' = 'refused' }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080 } }
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be 'proxy p:8080: tcp 8080 refused'
    }

    It 'fails when the proxy answers 407 and authRequired is false' {
        $s = Get-FsTestState
        $s.net.http = @{ 'login.microsoftonline.com' = 407 }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080; authRequired = $false } }
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be 'HEAD https://login.microsoftonline.com/ through proxy: 407'
    }

    It 'passes when the proxy answers 407 and credentials are planned' {
        $s = Get-FsTestState
        $s.net.http = @{ 'login.microsoftonline.com' = 407 }
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s -Vars @{ proxy = @{ host = 'p'; port = 8080; authRequired = $true } }
        $r.status | Should -Be 'pass'
    }

    It 'warns when no proxy is planned but SYSTEM has ProxyEnable 1' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $inet ProxyEnable 1
        Set-FsTestValue $s registry $inet ProxyServer 'proxy.contoso.local:8080'
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'SYSTEM WinINET ProxyEnable=1, ProxyServer=proxy.contoso.local:8080, AutoConfigURL=absent; WinHTTP direct'
    }

    It 'fails when proxy is system but SYSTEM has no proxy' {
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State (Get-FsTestState) -Vars @{ proxy = 'system' }
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'proxy is system but SYSTEM has no proxy configured'
    }

    It 'reads a WinHTTP proxy from the netsh text' {
        $s = Get-FsTestState
        $s.commands['netsh winhttp show proxy'] = "Current WinHTTP proxy settings:`n`n    Proxy Server(s) :  proxy.contoso.local:3128`n    Bypass List     :  (none)"
        $r = Invoke-FsTestPack -Id 'mars-proxy-config' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'SYSTEM WinINET ProxyEnable=0, ProxyServer=absent, AutoConfigURL=absent; WinHTTP proxy.contoso.local:3128'
    }
}
