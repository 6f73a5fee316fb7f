BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    . (Join-Path $PSScriptRoot 'New-FsTestResponder.ps1')
    . (Join-Path $PSScriptRoot 'Stop-FsTestResponder.ps1')
    # A listener that never accepts: the kernel completes the TCP handshake, then nothing answers the TLS hello.
    function New-FsSilentListener { $l = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0); $l.Start(); $l }
    function Get-FsClosedPort { $l = New-FsSilentListener; $port = $l.LocalEndpoint.Port; $l.Stop(); $port }
    # What Windows' socket layer raises when a route to the address is missing (WSAENETUNREACH, 10051).
    function New-FsUnreachableConnect {
        $source = New-Object 'System.Threading.Tasks.TaskCompletionSource[bool]'
        $source.SetException((New-Object System.Net.Sockets.SocketException(10051)))
        @{ client = $null; task = $source.Task }
    }
    # A server certificate naming a CRL distribution point and an OCSP responder, as public CAs issue them.
    function New-FsTestCertificate([string[]]$Crl, [string[]]$Ocsp) {
        $key = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=login.microsoftonline.com', $key, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        if ($Crl) { $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder]::BuildCrlDistributionPointExtension($Crl)) }
        if ($Ocsp) { $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509AuthorityInformationAccessExtension]::new($Ocsp, [string[]]@())) }
        $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddDays(30))
    }
    # A handshake that completed with TLS 1.2 and presented Certificate (SslStream cannot be completed against a public CA offline).
    function New-FsCompletedHandshake($Certificate) {
        $ssl = [pscustomobject]@{ SslProtocol = [System.Security.Authentication.SslProtocols]::Tls12; RemoteCertificate = $Certificate }
        $ssl | Add-Member -MemberType ScriptMethod -Name Dispose -Value { }
        @{ ssl = $ssl; task = [System.Threading.Tasks.Task]::CompletedTask }
    }
}

Describe 'Test-FsEndpointSet (real sockets on loopback)' {
    It 'reports an open port whose peer never answers the TLS hello as tcp open, tls timeout' {
        $listener = New-FsSilentListener
        try {
            $r = @(Test-FsEndpointSet -Targets @(@{ host = '127.0.0.1'; port = $listener.LocalEndpoint.Port }) -TimeoutMs 700)[0]
            $r.dns | Should -Be @('127.0.0.1')
            $r.tcp | Should -Be 'open'
            $r.tls | Should -Be 'timeout'
            (Get-FsEndpointVerdict -Probe $r).detail | Should -Be 'tls timeout'
        } finally { $listener.Stop() }
    }

    It 'reports a closed port as refused and skips TLS' {
        $r = @(Test-FsEndpointSet -Targets @(@{ host = '127.0.0.1'; port = (Get-FsClosedPort) }) -TimeoutMs 700)[0]
        $r.tcp | Should -BeLike 'refused:*'
        $r.tls | Should -Be 'skipped'
    }

    It 'reports a name that does not resolve as a DNS error and skips TCP' {
        $r = @(Test-FsEndpointSet -Targets @(@{ host = 'no-such-host.invalid'; port = 443 }) -TimeoutMs 2000)[0]
        $r.dnsError | Should -Not -BeNullOrEmpty
        $r.tcp | Should -Be 'skipped'
        (Get-FsEndpointVerdict -Probe $r).reachable | Should -BeFalse
    }

    It 'answers every target, in order, when several are tested together' {
        $a = New-FsSilentListener; $b = New-FsSilentListener
        try {
            $targets = @(@{ host = '127.0.0.1'; port = $a.LocalEndpoint.Port }, @{ host = '127.0.0.1'; port = (Get-FsClosedPort) }, @{ host = '127.0.0.1'; port = $b.LocalEndpoint.Port })
            $r = @(Test-FsEndpointSet -Targets $targets -TimeoutMs 700)
            $r.Count | Should -Be 3
            @($r | ForEach-Object { $_.port }) | Should -Be @($targets | ForEach-Object { $_.port })
            $r[0].tls | Should -Be 'timeout'
            $r[1].tcp | Should -BeLike 'refused:*'
            $r[2].tls | Should -Be 'timeout'
        } finally { $a.Stop(); $b.Stop() }
    }

    It 'stops after TCP with -TcpOnly' {
        $listener = New-FsSilentListener
        try {
            $r = @(Test-FsEndpointSet -Targets @(@{ host = '127.0.0.1'; port = $listener.LocalEndpoint.Port }) -TimeoutMs 700 -TcpOnly)[0]
            $r.tcp | Should -Be 'open'
            $r.tls | Should -Be 'skipped'
            (Get-FsEndpointVerdict -Probe $r).detail | Should -Be ('tcp ' + $listener.LocalEndpoint.Port + ' open')
        } finally { $listener.Stop() }
    }

    It 'never reports an endpoint as reachable through a proxy that does not listen' {
        $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 }) -TimeoutMs 2000 -ProxyUri ('http://127.0.0.1:' + (Get-FsClosedPort)))[0]
        $r.via | Should -Be 'proxy'
        $r.tcp | Should -BeLike 'refused:*'
        $v = Get-FsEndpointVerdict -Probe $r
        $v.reachable | Should -BeFalse
        $v.detail | Should -BeLike 'proxy tcp refused:*'
    }
}

Describe 'Test-FsEndpointSet: IPv6 listed first while IPv6 egress is blocked (DNS and socket calls mocked where Linux differs)' {
    It 'connects to the next address, as .NET does, and names the IPv6 address that failed' {
        $listener = New-FsSilentListener
        try {
            # Dns.GetHostAddresses on a dual-stack host puts the AAAA answer first.
            Mock Start-FsDnsLookup { [System.Threading.Tasks.Task]::FromResult([System.Net.IPAddress[]]@([System.Net.IPAddress]::Parse('2001:db8::10'), [System.Net.IPAddress]::Loopback)) }
            Mock Start-FsTcpConnect { New-FsUnreachableConnect } -ParameterFilter { $Address.AddressFamily -eq [System.Net.Sockets.AddressFamily]::InterNetworkV6 }
            $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = $listener.LocalEndpoint.Port }) -TimeoutMs 700 -TcpOnly)[0]
            $r.dns | Should -Be @('2001:db8::10', '127.0.0.1')
            $r.tcp | Should -Be 'open'
            $r.address | Should -Be '127.0.0.1'
            $v = Get-FsEndpointVerdict -Probe $r
            $v.reachable | Should -BeTrue
            $v.detail | Should -BeLike ('tcp ' + $listener.LocalEndpoint.Port + ' open (2001:db8::10 refused (*); connected to 127.0.0.1)')
        } finally { $listener.Stop() }
    }

    It 'names every address when none of them connects' {
        Mock Start-FsDnsLookup { [System.Threading.Tasks.Task]::FromResult([System.Net.IPAddress[]]@([System.Net.IPAddress]::Parse('2001:db8::10'), [System.Net.IPAddress]::Loopback)) }
        Mock Start-FsTcpConnect { New-FsUnreachableConnect } -ParameterFilter { $Address.AddressFamily -eq [System.Net.Sockets.AddressFamily]::InterNetworkV6 }
        $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = (Get-FsClosedPort) }) -TimeoutMs 700)[0]
        $r.tcp | Should -BeLike 'failed: 2001:db8::10 refused (*); 127.0.0.1 refused (*)'
        (Get-FsEndpointVerdict -Probe $r).reachable | Should -BeFalse
    }
}

Describe 'Test-FsEndpointSet: a proxy that answers the CONNECT itself (real proxy peer on loopback)' {
    It 'treats a proxy that refuses the CONNECT with 403 as the endpoint being unreachable' {
        $proxy = New-FsTestResponder -Reply "HTTP/1.1 403 Forbidden`r`nContent-Type: text/html`r`nContent-Length: 23`r`n`r`n<html>Blocked</html>   "
        try {
            $r = @(Test-FsEndpointSet -Targets @(@{ host = 'pod01-rec2.weu.backup.windowsazure.com'; port = 443 }) -TimeoutMs 2000 -ProxyUri ('http://127.0.0.1:' + $proxy.port))[0]
            $r.tunnel.status | Should -Be 403
            $r.tls | Should -Be 'skipped'
            $v = Get-FsEndpointVerdict -Probe $r
            $v.reachable | Should -BeFalse
            $v.detail | Should -Be 'proxy refused CONNECT: 403 Forbidden'
            @($proxy.requests) | Should -Be @('CONNECT pod01-rec2.weu.backup.windowsazure.com:443 HTTP/1.1')
        } finally { Stop-FsTestResponder -Responder $proxy }
    }

    It 'treats a 502 from the proxy (it could not reach the endpoint) as unreachable' {
        $proxy = New-FsTestResponder -Reply "HTTP/1.1 502 Bad Gateway`r`nContent-Length: 0`r`n`r`n"
        try {
            $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 }) -TimeoutMs 2000 -ProxyUri ('http://127.0.0.1:' + $proxy.port))[0]
            (Get-FsEndpointVerdict -Probe $r).detail | Should -Be 'proxy refused CONNECT: 502 Bad Gateway'
        } finally { Stop-FsTestResponder -Responder $proxy }
    }

    It 'reports 407 as the proxy wanting credentials' {
        $proxy = New-FsTestResponder -Reply "HTTP/1.1 407 Proxy Authentication Required`r`nProxy-Authenticate: Negotiate`r`nContent-Length: 0`r`n`r`n"
        try {
            $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 }) -TimeoutMs 2000 -ProxyUri ('http://127.0.0.1:' + $proxy.port))[0]
            $v = Get-FsEndpointVerdict -Probe $r
            $v.reachable | Should -BeFalse
            $v.detail | Should -Be 'proxy answered 407 (authentication required)'
        } finally { Stop-FsTestResponder -Responder $proxy }
    }

    It 'goes on to TLS through the tunnel after 200 and judges the handshake, not the 200' {
        $proxy = New-FsTestResponder -Reply "HTTP/1.1 200 Connection established`r`n`r`n" -Hold
        try {
            $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 }) -TimeoutMs 700 -ProxyUri ('http://127.0.0.1:' + $proxy.port))[0]
            $r.tunnel.status | Should -Be 200
            $r.tls | Should -Be 'timeout'
            $v = Get-FsEndpointVerdict -Probe $r
            $v.reachable | Should -BeFalse
            $v.detail | Should -Be 'tunnel open, tls timeout'
        } finally { Stop-FsTestResponder -Responder $proxy }
    }
}

Describe 'Test-FsEndpointSet: the CA''s CRL host is blocked (TLS handshake mocked, revocation hosts on real loopback sockets)' {
    It 'passes the endpoint on its handshake and reports the unreachable CRL host apart' {
        $listener = New-FsSilentListener
        try {
            $crlPort = Get-FsClosedPort
            $cert = New-FsTestCertificate -Crl @("http://127.0.0.1:$crlPort/DigiCertGlobalRootG2.crl")
            Mock Start-FsTlsHandshake { New-FsCompletedHandshake -Certificate $cert }
            $r = @(Test-FsEndpointSet -Targets @(@{ host = '127.0.0.1'; port = $listener.LocalEndpoint.Port }) -TimeoutMs 700)[0]
            $r.tls | Should -Be 'Tls12'
            $r.revocation | Should -BeLike "unreachable: 127.0.0.1:$crlPort (tcp refused: *)"
            $v = Get-FsEndpointVerdict -Probe $r
            $v.reachable | Should -BeTrue
            $v.detail | Should -Be 'Tls12 ok'
            $v.revocation | Should -BeLike "revocation servers unreachable: 127.0.0.1:$crlPort*"
        } finally { $listener.Stop() }
    }

    It 'reports revocation as reachable when the OCSP responder answers though the CRL host does not' {
        $listener = New-FsSilentListener
        $ocsp = New-FsSilentListener
        try {
            $crlPort = Get-FsClosedPort
            $cert = New-FsTestCertificate -Crl @("http://127.0.0.1:$crlPort/ca.crl") -Ocsp @('http://127.0.0.1:' + $ocsp.LocalEndpoint.Port)
            Mock Start-FsTlsHandshake { New-FsCompletedHandshake -Certificate $cert }
            $r = @(Test-FsEndpointSet -Targets @(@{ host = '127.0.0.1'; port = $listener.LocalEndpoint.Port }) -TimeoutMs 700)[0]
            $r.revocation | Should -BeLike "reachable (127.0.0.1:$crlPort (tcp refused: *) unreachable)"
            (Get-FsEndpointVerdict -Probe $r).reachable | Should -BeTrue
        } finally { $listener.Stop(); $ocsp.Stop() }
    }
}
