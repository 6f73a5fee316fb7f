BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    # A listener that never accepts: the kernel completes the TCP handshake, then nothing answers the TLS hello.
    function New-FsSilentListener { $l = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0); $l.Start(); $l }
    function Get-FsClosedPort { $l = New-FsSilentListener; $port = $l.LocalEndpoint.Port; $l.Stop(); $port }
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

    It 'reports an unreachable proxy as an HTTP error status, never as reachable' {
        $r = @(Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 }) -TimeoutMs 2000 -ProxyUri ('http://127.0.0.1:' + (Get-FsClosedPort)))[0]
        $r.via | Should -Be 'proxy'
        [string]$r.http | Should -BeLike 'error:*'
        (Get-FsEndpointVerdict -Probe $r).reachable | Should -BeFalse
    }
}
