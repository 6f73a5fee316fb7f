function Test-FsEndpointSet {
    <#
    .SYNOPSIS
        Staged twin: endpoint answers from the net section, in the shape of the real probe; unlisted hosts follow
        net.defaultReachable.
    .DESCRIPTION
        A loopback lab host cannot reach Azure, so the staged answers decide, step by step as the real probe
        takes them. dns["host"]: addresses (resolver order) or "NXDOMAIN". tcp["host:port"] (every address of
        the host) or tcp["<address>:port"] / tcp["[<IPv6>]:port"] (one address): open, refused or timeout;
        addresses are tried in order until one is open. tls["host"]: Tls12 or failed. revocation["host"] (or
        "*"): reachable, unreachable or none. Through a proxy: dns and tcp of the proxy host, then
        connect["host"]: the proxy's answer to CONNECT (200 opens the tunnel, default 200) or "error:<what>",
        then tls.
    .PARAMETER Targets
        Hashtables with host and port.
    .PARAMETER TimeoutMs
        Ignored (kept for the same signature).
    .PARAMETER ProxyUri
        Go through this proxy.
    .PARAMETER TcpOnly
        Stop after TCP.
    .EXAMPLE
        Test-FsEndpointSet -Targets @(@{ host = 'login.microsoftonline.com'; port = 443 })
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][object[]]$Targets, [int]$TimeoutMs = 5000, [string]$ProxyUri, [switch]$TcpOnly)
    $net = Get-FsStagedEntry -Section net
    if ($null -eq $net) { $net = @{} }
    $reachable = $true
    if ($net.Contains('defaultReachable')) { $reachable = [bool]$net['defaultReachable'] }
    $lookup = {
        param($Name, $Key)
        $table = $net[$Name]
        if ($table -is [System.Collections.IDictionary] -and $table.Contains($Key)) { return , $table[$Key] }
        $null
    }
    $resolve = {
        param($HostName)
        $dns = & $lookup 'dns' $HostName
        if ($null -eq $dns) { if ($reachable) { $dns = @('198.51.100.10') } else { $dns = 'NXDOMAIN' } }
        if ($dns -is [string] -and $dns -eq 'NXDOMAIN') { return @{ addresses = @(); error = 'NXDOMAIN' } }
        @{ addresses = @($dns); error = $null }
    }
    $connect = {
        param($HostName, $Addresses, $Port)
        $failures = @()
        foreach ($a in @($Addresses)) {
            $key = $a + ':' + $Port
            if ($a -match ':') { $key = '[' + $a + ']:' + $Port }
            $tcp = & $lookup 'tcp' $key
            if ($null -eq $tcp) { $tcp = & $lookup 'tcp' ($HostName + ':' + $Port) }
            if ($null -eq $tcp) { if ($reachable) { $tcp = 'open' } else { $tcp = 'timeout' } }
            if ($tcp -eq 'open') {
                $fallback = $null
                if ($failures.Count) { $fallback = ($failures -join '; ') + '; connected to ' + $a }
                return @{ tcp = 'open'; address = $a; fallback = $fallback }
            }
            $what = 'timeout'
            if ($tcp -eq 'refused') { $what = 'refused (staged: connection refused)' }
            $failures += ($a + ' ' + $what)
        }
        $summary = 'timeout'
        if (@($Addresses).Count -gt 1) { $summary = 'failed: ' + ($failures -join '; ') }
        elseif ($failures.Count -and $failures[0] -match 'refused') { $summary = 'refused: staged: connection refused' }
        @{ tcp = $summary; address = $null; fallback = $null }
    }
    $proxy = $null
    if ($ProxyUri) { $uri = [uri]$ProxyUri; $proxy = @{ host = $uri.Host; port = $uri.Port } }
    $results = @()
    foreach ($t in $Targets) {
        $hostName = [string]$t['host']
        $port = 443
        if ($t['port']) { $port = [int]$t['port'] }
        $r = @{ host = $hostName; port = $port; via = 'direct'; dns = @(); dnsError = $null; address = $null; fallback = $null; tcp = 'skipped'; tunnel = $null; tls = 'skipped'; revocation = 'skipped' }
        $results += $r
        $nameToResolve = $hostName
        $portToOpen = $port
        if ($proxy) { $r['via'] = 'proxy'; $nameToResolve = $proxy['host']; $portToOpen = $proxy['port'] }
        $name = & $resolve $nameToResolve
        $r['dns'] = @($name['addresses'])
        $r['dnsError'] = $name['error']
        if ($r['dnsError']) { if ($proxy) { $r['dnsError'] = 'proxy ' + $proxy['host'] + ': ' + $r['dnsError'] }; continue }
        $opened = & $connect $nameToResolve $name['addresses'] $portToOpen
        $r['tcp'] = $opened['tcp']
        $r['address'] = $opened['address']
        $r['fallback'] = $opened['fallback']
        if ($r['tcp'] -ne 'open' -or $TcpOnly) { continue }
        if ($proxy) {
            $answer = & $lookup 'connect' $hostName
            if ($null -eq $answer) { $answer = 200 }
            if ([string]$answer -match '^error:(.+)$') { $r['tunnel'] = @{ status = $null; reason = $null; error = $Matches[1] }; continue }
            $reasons = @{ 200 = 'Connection established'; 403 = 'Forbidden'; 407 = 'Proxy Authentication Required'; 502 = 'Bad Gateway'; 503 = 'Service Unavailable' }
            $r['tunnel'] = @{ status = [int]$answer; reason = $reasons[[int]$answer]; error = $null }
            if ([int]$answer -ne 200) { continue }
        }
        $tls = & $lookup 'tls' $hostName
        if ($null -eq $tls) { $tls = 'Tls12' }
        if ($tls -ne 'Tls12') { $r['tls'] = 'failed: staged ' + $tls; continue }
        $r['tls'] = 'Tls12'
        if ($proxy) { $r['revocation'] = 'not checked: through a proxy'; continue }
        $revocation = & $lookup 'revocation' $hostName
        if ($null -eq $revocation) { $revocation = & $lookup 'revocation' '*' }
        if ($null -eq $revocation) { $revocation = 'reachable' }
        switch ([string]$revocation) {
            'unreachable' { $r['revocation'] = 'unreachable: crl.staged.test:80 (tcp timeout), ocsp.staged.test:80 (tcp timeout)' }
            'none' { $r['revocation'] = 'no revocation URL in the certificate' }
            default { $r['revocation'] = 'reachable' }
        }
    }
    $results
}
