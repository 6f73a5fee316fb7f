function Test-FsEndpointSet {
    <#
    .SYNOPSIS
        Tests many HTTPS endpoints at once: DNS, TCP connect, TLS 1.2 handshake and revocation reachability,
        directly or through an HTTP proxy tunnel.
    .DESCRIPTION
        Every step runs for all targets together and is waited for once, with one deadline, so a blocked
        endpoint costs a step's timeout once, not once per endpoint; the whole probe never runs longer than
        three timeouts.
        Direct: DNS (every address), TCP to the addresses in resolver order until one connects, TLS 1.2 with
        certificate validation (revocation not checked online), then TCP to the certificate's CRL and OCSP hosts.
        Through a proxy: DNS and TCP to the proxy, CONNECT host:port (only 200 opens a tunnel), TLS 1.2 through
        the tunnel; the endpoint's own name is not resolved locally.
        Each answer: host, port, via (direct|proxy), dns (addresses), dnsError, address (the one that connected),
        fallback (addresses that failed before it), tcp (open|timeout|refused: ...|failed: ...|skipped),
        tunnel ($null, or @{ status; reason; error } from the proxy), tls (Tls12|failed: ...|timeout|skipped),
        revocation (see Test-FsRevocationReach, or 'skipped').
    .PARAMETER Targets
        Hashtables with host and port.
    .PARAMETER TimeoutMs
        Deadline of each step for all targets together.
    .PARAMETER ProxyUri
        Go through this HTTP proxy (http://host:port).
    .PARAMETER TcpOnly
        Stop after the TCP connect (proxy ports and private endpoints).
    .EXAMPLE
        Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 }) -TimeoutMs 5000
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][object[]]$Targets,
        [int]$TimeoutMs = 5000,
        [string]$ProxyUri,
        [switch]$TcpOnly
    )
    $via = 'direct'
    $proxy = $null
    if ($ProxyUri) {
        $via = 'proxy'
        $uri = [uri]$ProxyUri
        $proxy = @{ host = $uri.Host; port = $uri.Port }
    }
    $results = @(foreach ($t in $Targets) {
        $port = 443
        if ($t['port']) { $port = [int]$t['port'] }
        @{ host = [string]$t['host']; port = $port; via = $via; dns = @(); dnsError = $null; address = $null; fallback = $null; tcp = 'skipped'; tunnel = $null; tls = 'skipped'; revocation = 'skipped' }
    })
    $final = [datetime]::UtcNow.AddMilliseconds(3 * $TimeoutMs)
    $stepDeadline = {
        $next = [datetime]::UtcNow.AddMilliseconds($TimeoutMs)
        if ($next -gt $final) { return $final }
        $next
    }

    # Step 1: DNS, of the endpoints or of the proxy.
    $names = @($results | ForEach-Object { $_['host'] })
    if ($proxy) { $names = @($proxy['host']) }
    $answers = Resolve-FsEndpointName -Names $names -Deadline (& $stepDeadline)
    foreach ($r in $results) {
        $key = $r['host']
        if ($proxy) { $key = $proxy['host'] }
        $r['dns'] = @($answers[$key]['addresses'])
        $r['dnsError'] = $answers[$key]['error']
        if ($proxy -and $r['dnsError']) { $r['dnsError'] = 'proxy ' + $proxy['host'] + ': ' + $r['dnsError'] }
    }

    # Step 2: TCP, to the endpoint or to the proxy.
    $open = @($results | Where-Object { -not $_['dnsError'] })
    $portOf = { param($R) if ($proxy) { return $proxy['port'] } $R['port'] }
    $connections = @()
    if ($open.Count) { $connections = @(Connect-FsEndpointAddress -Targets @($open | ForEach-Object { @{ addresses = $_['dns']; port = (& $portOf $_) } }) -Deadline (& $stepDeadline)) }
    $streams = @()
    for ($i = 0; $i -lt $open.Count; $i++) {
        $c = $connections[$i]
        $open[$i]['tcp'] = $c['tcp']
        $open[$i]['address'] = $c['address']
        $open[$i]['fallback'] = $c['fallback']
        if ($c['tcp'] -eq 'open') { $streams += , @{ result = $open[$i]; client = $c['client']; stream = $c['client'].GetStream() } }
    }

    try {
        if ($TcpOnly) { return $results }
        # Step 3 (proxy): a tunnel per endpoint; only 200 goes on to TLS.
        if ($proxy -and $streams.Count) {
            $tunnels = @(Open-FsProxyTunnel -Items @($streams | ForEach-Object { @{ stream = $_['stream']; host = $_['result']['host']; port = $_['result']['port'] } }) -Deadline (& $stepDeadline))
            $through = @()
            for ($i = 0; $i -lt $streams.Count; $i++) {
                $streams[$i]['result']['tunnel'] = $tunnels[$i]
                if ($tunnels[$i]['status'] -eq 200) { $through += , $streams[$i] }
            }
            $streams = $through
        }

        # Step 4: TLS 1.2 on every open stream (direct or tunnel).
        $handshakes = @()
        if ($streams.Count) { $handshakes = @(Invoke-FsEndpointTls -Items @($streams | ForEach-Object { @{ stream = $_['stream']; host = $_['result']['host'] } }) -Deadline (& $stepDeadline)) }
        for ($i = 0; $i -lt $streams.Count; $i++) {
            $streams[$i]['result']['tls'] = $handshakes[$i]['tls']
            $streams[$i]['ssl'] = $handshakes[$i]['ssl']
        }

        # Step 5 (direct): revocation hosts of the certificates that completed a handshake.
        $checked = @()
        for ($i = 0; $i -lt $streams.Count; $i++) {
            if ($null -eq $handshakes[$i]['certificate']) { continue }
            if ($proxy) { $streams[$i]['result']['revocation'] = 'not checked: through a proxy'; continue }
            $checked += , @{ result = $streams[$i]['result']; certificate = $handshakes[$i]['certificate'] }
        }
        if ($checked.Count -and [datetime]::UtcNow -ge $final) {
            foreach ($c in $checked) { $c['result']['revocation'] = 'not checked: time budget used' }
        } elseif ($checked.Count) {
            $reach = @(Test-FsRevocationReach -Certificates @($checked | ForEach-Object { $_['certificate'] }) -Deadline (& $stepDeadline))
            for ($i = 0; $i -lt $checked.Count; $i++) { $checked[$i]['result']['revocation'] = $reach[$i] }
        }
    } finally {
        foreach ($s in $streams) { if ($s.Contains('ssl') -and $null -ne $s['ssl']) { try { $s['ssl'].Dispose() } catch { $null = $_ } } }
        foreach ($c in $connections) { if ($null -ne $c['client']) { try { $c['client'].Close() } catch { $null = $_ } } }
    }
    $results
}
