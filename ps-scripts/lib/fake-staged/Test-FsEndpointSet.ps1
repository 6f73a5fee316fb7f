function Test-FsEndpointSet {
    <#
    .SYNOPSIS
        Staged twin: endpoint answers come from the net section (dns, tcp, tls, http); unlisted hosts follow net.defaultReachable.
    .DESCRIPTION
        A loopback lab host cannot reach Azure, so the staged answers decide. dns["host"] is a list of
        addresses or "NXDOMAIN"; tcp["host:port"] is open, refused or timeout; tls["host"] is Tls12 or
        failed; http["host"] is a status code or "error:<Status>" (used when a proxy is in play).
    .PARAMETER Targets
        Hashtables with host and port.
    .PARAMETER TimeoutMs
        Ignored (kept for the same signature).
    .PARAMETER ProxyUri
        Answer from http instead of dns/tcp/tls.
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
    $results = @()
    foreach ($t in $Targets) {
        $hostName = [string]$t['host']
        $port = 443
        if ($t['port']) { $port = [int]$t['port'] }
        $r = @{ host = $hostName; port = $port; via = 'direct'; dns = @(); dnsError = $null; tcp = 'skipped'; tls = 'skipped'; http = $null }
        if ($ProxyUri) {
            $r['via'] = 'proxy'
            $proxyKey = ($ProxyUri -replace '^[a-z]+://', '').TrimEnd('/')
            $proxyTcp = & $lookup 'tcp' $proxyKey
            $http = & $lookup 'http' $hostName
            if ($proxyTcp -and $proxyTcp -ne 'open') { $r['http'] = 'error:ConnectFailure' }
            elseif ($null -ne $http) { $r['http'] = $http }
            elseif ($reachable) { $r['http'] = 200 }
            else { $r['http'] = 'error:Timeout' }
            $results += $r
            continue
        }
        $dns = & $lookup 'dns' $hostName
        if ($null -eq $dns) { if ($reachable) { $dns = @('198.51.100.10') } else { $dns = 'NXDOMAIN' } }
        if ($dns -is [string] -and $dns -eq 'NXDOMAIN') { $r['dnsError'] = 'NXDOMAIN' }
        else { $r['dns'] = @($dns) }
        if (-not $r['dnsError']) {
            $tcp = & $lookup 'tcp' ($hostName + ':' + $port)
            if ($null -eq $tcp) { if ($reachable) { $tcp = 'open' } else { $tcp = 'timeout' } }
            $r['tcp'] = [string]$tcp
            if ($r['tcp'] -eq 'open' -and -not $TcpOnly) {
                $tls = & $lookup 'tls' $hostName
                if ($null -eq $tls) { $tls = 'Tls12' }
                if ($tls -eq 'Tls12') { $r['tls'] = 'Tls12' } else { $r['tls'] = 'failed: staged ' + $tls }
            }
        }
        $results += $r
    }
    $results
}
