function Resolve-FsProxy {
    <#
    .SYNOPSIS
        The proxy the agent would use for HTTPS, and where that answer came from: the declared proxy var, or
        for 'system' the settings of SYSTEM (the agent's account).
    .DESCRIPTION
        'system' follows what a .NET Framework service sees: SYSTEM's WinINET settings (the per-machine key
        when policy ProxySettingsPerUser = 0) first, then the machine's WinHTTP proxy. A proxy list such as
        'http=a:80;https=b:443' gives the https= entry; a list without one sends HTTPS direct. A PAC script or
        WPAD cannot be evaluated here: uri stays $null and pac says so, so callers do not judge the direct
        path as the agent's path. Answers @{ uri ('http://host:port' or $null); source; detail; bypass (list);
        pac ($true when the real path is decided by PAC/WPAD) }.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        (Resolve-FsProxy -Context $Context)['uri']   # http://proxy.contoso.local:8080
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $proxy = Resolve-FsVar -Context $Context -Name 'proxy'
    $answer = @{ uri = $null; source = $null; detail = $null; bypass = @(); pac = $false }
    if ($proxy -is [System.Collections.IDictionary]) {
        if (-not $proxy['host'] -or -not $proxy['port']) { throw 'proxy var needs host and port' }
        $answer['uri'] = 'http://' + $proxy['host'] + ':' + $proxy['port']
        $answer['source'] = 'declared proxy var'
        $answer['detail'] = 'declared proxy ' + $proxy['host'] + ':' + $proxy['port']
        return $answer
    }
    if ([string]$proxy -ne 'system') {
        $answer['source'] = 'declared none'
        $answer['detail'] = 'declared proxy none (direct)'
        return $answer
    }
    $httpsEntry = {
        param([string]$List)
        $entries = @($List.Split(';') | ForEach-Object { $_.Trim() } | Where-Object { $_ })
        $plain = @($entries | Where-Object { $_ -notmatch '=' })
        if ($plain.Count) { return ($plain[0] -replace '^[a-z]+://', '') }
        foreach ($e in $entries) { if ($e -match '^https=(.+)$') { return ($Matches[1] -replace '^[a-z]+://', '') } }
        $null
    }
    $settings = Get-FsProxySettings
    $winInet = $settings['winInet']
    $where = 'SYSTEM WinINET, ' + $settings['winInetSource']
    if ([string]$winInet['proxyEnable'] -eq '1' -and $winInet['proxyServer']) {
        $server = & $httpsEntry ([string]$winInet['proxyServer'])
        $answer['source'] = $where
        if ($server) {
            $answer['uri'] = 'http://' + $server
            $answer['detail'] = 'SYSTEM proxy ' + $server + ' (' + $where + ', ProxyServer ' + $winInet['proxyServer'] + ')'
            if ($winInet['proxyOverride']) { $answer['bypass'] = @(([string]$winInet['proxyOverride']).Split(';') | Where-Object { $_ }) }
            return $answer
        }
        $answer['detail'] = 'ProxyServer ' + $winInet['proxyServer'] + ' names no https= proxy: HTTPS goes direct (' + $where + ')'
        return $answer
    }
    if ($winInet['autoConfigUrl'] -or $winInet['autoDetect']) {
        $how = 'automatic detection (WPAD)'
        if ($winInet['autoConfigUrl']) { $how = 'PAC script ' + $winInet['autoConfigUrl'] }
        $answer['source'] = $where
        $answer['pac'] = $true
        $answer['detail'] = 'SYSTEM finds its proxy by ' + $how + ' (' + $where + '), which cannot be evaluated here; probes go direct'
        return $answer
    }
    $winHttp = $settings['winHttp']
    if ($winHttp['proxyServer']) {
        $server = & $httpsEntry ([string]$winHttp['proxyServer'])
        $answer['source'] = 'WinHTTP (' + $winHttp['source'] + ')'
        if ($server) {
            $answer['uri'] = 'http://' + $server
            $answer['detail'] = 'SYSTEM proxy ' + $server + ' (WinHTTP, ' + $winHttp['proxyServer'] + ')'
            if ($winHttp['bypass']) { $answer['bypass'] = @(([string]$winHttp['bypass']).Split(';') | Where-Object { $_ }) }
            return $answer
        }
        $answer['detail'] = 'WinHTTP proxy ' + $winHttp['proxyServer'] + ' names no https= proxy: HTTPS goes direct'
        return $answer
    }
    $answer['source'] = 'SYSTEM settings'
    $answer['detail'] = 'SYSTEM has no proxy (WinINET ' + $settings['winInetSource'] + ' and WinHTTP direct)'
    $answer
}
