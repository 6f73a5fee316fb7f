function Test-FsEndpointSet {
    <#
    .SYNOPSIS
        Tests many HTTPS endpoints at once: DNS, TCP connect, TLS 1.2 handshake, or an HTTPS HEAD through a proxy.
    .DESCRIPTION
        Every step is started for all targets together and waited for once with one deadline, so a
        blocked endpoint costs the timeout once per step, not once per endpoint (mars-checks.md 5.4).
        Each answer: host, port, via (direct|proxy), dns (addresses), dnsError, tcp (open|refused: ...|timeout|skipped),
        tls (Tls12|failed: ...|timeout|skipped), http (status code or 'error:<WebExceptionStatus>').
    .PARAMETER Targets
        Hashtables with host and port.
    .PARAMETER TimeoutMs
        Deadline of each step for all targets together.
    .PARAMETER ProxyUri
        Send an HTTPS HEAD through this proxy instead of connecting directly (local DNS may fail then).
    .PARAMETER TcpOnly
        Stop after the TCP connect (used for proxy ports and private endpoints).
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
    if ($ProxyUri) { $via = 'proxy' }
    $results = @(foreach ($t in $Targets) {
        $port = 443
        if ($t['port']) { $port = [int]$t['port'] }
        @{ host = [string]$t['host']; port = $port; via = $via; dns = @(); dnsError = $null; tcp = 'skipped'; tls = 'skipped'; http = $null }
    })
    $wait = {
        param($Task, $Deadline)
        $left = [int][math]::Max(0, ($Deadline - [datetime]::UtcNow).TotalMilliseconds)
        try { $null = $Task.Wait($left) } catch { $null = $_ }
    }
    $message = {
        param($Task)
        $e = $Task.Exception
        if ($e) { $e = $e.GetBaseException(); return $e.Message }
        'unknown error'
    }

    if ($ProxyUri) {
        [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
        $requests = @(foreach ($r in $results) {
            $request = [System.Net.HttpWebRequest]::Create('https://' + $r['host'] + ':' + $r['port'] + '/')
            $request.Method = 'HEAD'
            $request.Timeout = $TimeoutMs
            $request.AllowAutoRedirect = $false
            $request.Proxy = New-Object System.Net.WebProxy($ProxyUri)
            @{ request = $request; task = $request.GetResponseAsync(); result = $r }
        })
        $deadline = [datetime]::UtcNow.AddMilliseconds($TimeoutMs)
        foreach ($q in $requests) { & $wait $q['task'] $deadline }
        foreach ($q in $requests) {
            $task = $q['task']
            if ($task.Status -eq 'RanToCompletion') {
                $q['result']['http'] = [int]$task.Result.StatusCode
                $task.Result.Close()
            } elseif ($task.IsFaulted) {
                $webError = $task.Exception.GetBaseException()
                $inner = $task.Exception
                while ($inner -and -not ($inner -is [System.Net.WebException])) { $inner = $inner.InnerException }
                if ($inner -and $inner.Response) { $q['result']['http'] = [int]$inner.Response.StatusCode; $inner.Response.Close() }
                elseif ($inner) { $q['result']['http'] = 'error:' + $inner.Status.ToString() }
                else { $q['result']['http'] = 'error:' + $webError.Message }
            } else {
                $q['request'].Abort()
                $q['result']['http'] = 'error:Timeout'
            }
        }
        return $results
    }

    # Step 1: DNS for all targets.
    $deadline = [datetime]::UtcNow.AddMilliseconds($TimeoutMs)
    $lookups = @(foreach ($r in $results) { @{ result = $r; task = [System.Net.Dns]::GetHostAddressesAsync($r['host']) } })
    foreach ($l in $lookups) { & $wait $l['task'] $deadline }
    foreach ($l in $lookups) {
        $task = $l['task']
        if ($task.Status -eq 'RanToCompletion') { $l['result']['dns'] = @($task.Result | ForEach-Object { $_.IPAddressToString }) }
        elseif ($task.IsFaulted) { $l['result']['dnsError'] = & $message $task }
        else { $l['result']['dnsError'] = 'timeout' }
        if (-not $l['result']['dnsError'] -and @($l['result']['dns']).Count -eq 0) { $l['result']['dnsError'] = 'no address' }
    }

    # Step 2: TCP connect for every resolved target.
    $deadline = [datetime]::UtcNow.AddMilliseconds($TimeoutMs)
    $connects = @(foreach ($r in $results) {
        if ($r['dnsError']) { continue }
        $address = [System.Net.IPAddress]::Parse(@($r['dns'])[0])
        $client = New-Object System.Net.Sockets.TcpClient($address.AddressFamily)
        @{ result = $r; client = $client; task = $client.ConnectAsync($address, [int]$r['port']) }
    })
    foreach ($c in $connects) { & $wait $c['task'] $deadline }
    foreach ($c in $connects) {
        $task = $c['task']
        if ($task.Status -eq 'RanToCompletion' -and $c['client'].Connected) { $c['result']['tcp'] = 'open' }
        elseif ($task.IsFaulted) { $c['result']['tcp'] = 'refused: ' + (& $message $task) }
        else { $c['result']['tcp'] = 'timeout' }
    }

    # Step 3: TLS 1.2 handshake with certificate validation on every open connection.
    $handshakes = @()
    if (-not $TcpOnly) {
        $deadline = [datetime]::UtcNow.AddMilliseconds($TimeoutMs)
        $handshakes = @(foreach ($c in $connects) {
            if ($c['result']['tcp'] -ne 'open') { continue }
            $ssl = New-Object System.Net.Security.SslStream($c['client'].GetStream(), $false)
            @{ result = $c['result']; ssl = $ssl; task = $ssl.AuthenticateAsClientAsync($c['result']['host'], $null, [System.Security.Authentication.SslProtocols]::Tls12, $true) }
        })
        foreach ($h in $handshakes) { & $wait $h['task'] $deadline }
        foreach ($h in $handshakes) {
            $task = $h['task']
            if ($task.Status -eq 'RanToCompletion') { $h['result']['tls'] = $h['ssl'].SslProtocol.ToString() }
            elseif ($task.IsFaulted) { $h['result']['tls'] = 'failed: ' + (& $message $task) }
            else { $h['result']['tls'] = 'timeout' }
        }
    }
    foreach ($h in $handshakes) { try { $h['ssl'].Dispose() } catch { $null = $_ } }
    foreach ($c in $connects) { try { $c['client'].Close() } catch { $null = $_ } }
    $results
}
