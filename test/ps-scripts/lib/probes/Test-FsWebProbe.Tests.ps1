BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    . (Join-Path $PSScriptRoot 'New-FsTestResponder.ps1')
    . (Join-Path $PSScriptRoot 'Stop-FsTestResponder.ps1')
    function Get-FsClosedPort { $l = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0); $l.Start(); $port = $l.LocalEndpoint.Port; $l.Stop(); $port }
}

Describe 'Test-FsWebProbe (real HTTP peers on loopback)' {
    It 'reads the probe file the Windows connectivity check expects: status 200 and its body' {
        $server = New-FsTestResponder -Reply "HTTP/1.1 200 OK`r`nContent-Type: text/plain`r`nContent-Length: 22`r`nConnection: close`r`n`r`nMicrosoft Connect Test"
        try {
            $r = @(Test-FsWebProbe -Url ('http://127.0.0.1:' + $server.port + '/connecttest.txt') -TimeoutMs 3000)[0]
            $r.status | Should -Be 200
            $r.body | Should -Be 'Microsoft Connect Test'
            $r.error | Should -BeNullOrEmpty
            @($server.requests) | Should -Be @('GET /connecttest.txt HTTP/1.1')
        } finally { Stop-FsTestResponder -Responder $server }
    }

    It 'keeps a captive portal redirect as a 302 instead of following it' {
        $server = New-FsTestResponder -Reply "HTTP/1.1 302 Found`r`nLocation: http://portal.hotel.example/login`r`nContent-Length: 0`r`nConnection: close`r`n`r`n"
        try {
            $r = @(Test-FsWebProbe -Url ('http://127.0.0.1:' + $server.port + '/connecttest.txt') -TimeoutMs 3000)[0]
            $r.status | Should -Be 302
        } finally { Stop-FsTestResponder -Responder $server }
    }

    It 'keeps the body of a filtering proxy''s 200 page so the check can see it is not the probe file' {
        $server = New-FsTestResponder -Reply "HTTP/1.1 200 OK`r`nContent-Length: 36`r`nConnection: close`r`n`r`n<html>Access denied by policy</html>"
        try {
            $r = @(Test-FsWebProbe -Url ('http://127.0.0.1:' + $server.port + '/ncsi.txt') -TimeoutMs 3000)[0]
            $r.status | Should -Be 200
            $r.body | Should -Be '<html>Access denied by policy</html>'
        } finally { Stop-FsTestResponder -Responder $server }
    }

    It 'sends an absolute-URI GET to the proxy when one is given' {
        $proxy = New-FsTestResponder -Reply "HTTP/1.1 200 OK`r`nContent-Length: 14`r`nConnection: close`r`n`r`nMicrosoft NCSI"
        try {
            $r = @(Test-FsWebProbe -Url 'http://www.msftncsi.com/ncsi.txt' -TimeoutMs 3000 -ProxyUri ('http://127.0.0.1:' + $proxy.port))[0]
            $r.via | Should -Be 'proxy'
            $r.body | Should -Be 'Microsoft NCSI'
            @($proxy.requests) | Should -Be @('GET http://www.msftncsi.com/ncsi.txt HTTP/1.1')
        } finally { Stop-FsTestResponder -Responder $proxy }
    }

    It 'answers a refused port as an error, never a status' {
        $r = @(Test-FsWebProbe -Url ('http://127.0.0.1:' + (Get-FsClosedPort) + '/connecttest.txt') -TimeoutMs 3000)[0]
        $r.status | Should -BeNullOrEmpty
        # .NET Framework says ConnectFailure, the .NET 8+ shim UnknownError: both carry the socket's refusal.
        $r.error | Should -BeLike 'error:*'
    }

    It 'answers a peer that never replies as timeout within the deadline' {
        $silent = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $r = @(Test-FsWebProbe -Url ('http://127.0.0.1:' + $silent.LocalEndpoint.Port + '/connecttest.txt') -TimeoutMs 700)[0]
            $r.error | Should -Be 'timeout'
            $clock.ElapsedMilliseconds | Should -BeLessThan 3000
        } finally { $silent.Stop() }
    }

    It 'answers timeout when the request''s own Timeout fires first (WebException status Timeout, "The operation has timed out")' {
        # A busy server looks at the deadline late: the task has faulted with the request's timeout by then.
        Mock Wait-FsTask { try { $null = $Task.Wait(10000) } catch { $null = $_ } }
        $silent = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        try {
            $r = @(Test-FsWebProbe -Url ('http://127.0.0.1:' + $silent.LocalEndpoint.Port + '/connecttest.txt') -TimeoutMs 700)[0]
            $r.error | Should -Be 'timeout'
            Should -Invoke Wait-FsTask -Times 1 -Exactly
        } finally { $silent.Stop() }
    }
}
