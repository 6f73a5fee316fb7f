function Test-FsWebProbe {
    <#
    .SYNOPSIS
        Staged twin: plain HTTP GET answers from net.web["<url>"], else from the host's staged DNS and TCP port 80.
    .DESCRIPTION
        web["<url>"] is { status, body } or "error:<what>" / "timeout". An unlisted URL fails like the network
        says (dns NXDOMAIN -> error:NameResolutionFailure, tcp["host:80"] refused -> error:ConnectFailure,
        timeout -> timeout) and otherwise answers 200 with the body Microsoft's connectivity-check servers
        send for their two probe files (empty for any other URL). Through a proxy only web["<url>"] and the
        proxy's own TCP entry count.
    .PARAMETER Url
        The http:// URLs.
    .PARAMETER TimeoutMs
        Ignored (kept for the same signature).
    .PARAMETER ProxyUri
        Answer as through this proxy.
    .EXAMPLE
        Test-FsWebProbe -Url 'http://www.msftconnecttest.com/connecttest.txt'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Url, [int]$TimeoutMs = 5000, [string]$ProxyUri)
    $net = Get-FsStagedEntry -Section net
    if ($null -eq $net) { $net = @{} }
    $reachable = $true
    if ($net.Contains('defaultReachable')) { $reachable = [bool]$net['defaultReachable'] }
    $table = { param($Name) $t = $net[$Name]; if ($t -is [System.Collections.IDictionary]) { return $t } @{} }
    $known = @{ '/connecttest.txt' = 'Microsoft Connect Test'; '/ncsi.txt' = 'Microsoft NCSI' }
    foreach ($u in $Url) {
        $uri = [uri]$u
        $answer = @{ url = $u; via = 'direct'; status = $null; body = $null; error = $null }
        if ($ProxyUri) { $answer['via'] = 'proxy' }
        $web = & $table 'web'
        $netTarget = $uri.Host
        $port = $uri.Port
        if ($ProxyUri) { $p = [uri]$ProxyUri; $netTarget = $p.Host; $port = $p.Port }
        $dns = (& $table 'dns')[$netTarget]
        $tcp = (& $table 'tcp')[$netTarget + ':' + $port]
        if ($null -eq $tcp -and -not $reachable) { $tcp = 'timeout' }
        if ($null -eq $dns -and -not $reachable) { $dns = 'NXDOMAIN' }
        if ($dns -is [string] -and $dns -eq 'NXDOMAIN') { $answer['error'] = 'error:NameResolutionFailure: staged NXDOMAIN' }
        elseif ($tcp -eq 'refused') { $answer['error'] = 'error:ConnectFailure: staged connection refused' }
        elseif ($tcp -eq 'timeout') { $answer['error'] = 'timeout' }
        elseif ($web.Contains($u)) {
            $staged = $web[$u]
            if ($staged -is [System.Collections.IDictionary]) { $answer['status'] = [int]$staged['status']; $answer['body'] = [string]$staged['body'] }
            elseif ([string]$staged -eq 'timeout') { $answer['error'] = 'timeout' }
            else { $answer['error'] = [string]$staged }
        } else {
            $answer['status'] = 200
            $answer['body'] = ''
            if ($known.Contains($uri.AbsolutePath)) { $answer['body'] = $known[$uri.AbsolutePath] }
        }
        $answer
    }
}
