<#
.SYNOPSIS
    mars-proxy-config: the proxy configuration matches reality.
.DESCRIPTION
    SYSTEM's settings come from the registry (Get-FsProxySettings: WinINET of the key that applies, with the
    per-machine policy; WinHTTP from its binary record, whatever the display language).
    proxy 'none': warns when SYSTEM has a WinINET proxy, a PAC URL, auto-detect or a WinHTTP proxy.
    proxy { host, port, authRequired }: fails when the proxy port is unreachable, when it answers the CONNECT
    to the cloud's Entra ID host with 407 while authRequired is false, or refuses it (403, 502 ...); warns
    when SYSTEM names another proxy. proxy 'system': fails when SYSTEM has no proxy.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsProxyConfig -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-proxy-config",
  "title": "Proxy configuration matches reality",
  "failure": "Proxy unreachable, missing or asking for credentials",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "A proxy that blocks the agent, a missing proxy, or a proxy that wants credentials the agent does not have ('(407) Proxy Authentication Required') makes registration fail (ID 100050). Compares the planned proxy with SYSTEM's WinINET and WinHTTP settings and tests the proxy.",
  "remediation": "Give the agent the right proxy (setup's Proxy Configuration page or Set-OBMachineSetting -ProxyServer/-ProxyPort/-ProxyUserName/-ProxyPassword), including credentials for an authenticating proxy, or clear SYSTEM's proxy settings when none is used.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["network", "proxy"],
  "requires": []
}
'@

function Test-MarsProxyConfig {
    param($Context)
    $proxy = Resolve-FsVar -Context $Context -Name 'proxy'
    $settings = Get-FsProxySettings
    $winInet = $settings['winInet']
    $winHttp = $settings['winHttp']
    $show = { param($v) if ($null -eq $v -or [string]$v -eq '') { 'absent' } else { [string]$v } }
    $systemLine = 'SYSTEM WinINET (' + $settings['winInetSource'] + '): ProxyEnable=' + (& $show $winInet['proxyEnable']) + ', ProxyServer=' + (& $show $winInet['proxyServer']) + ', ProxyOverride=' + (& $show $winInet['proxyOverride']) + ', AutoConfigURL=' + (& $show $winInet['autoConfigUrl']) + ', auto-detect ' + $(if ($winInet['autoDetect']) { 'on' } else { 'off' }) + '; WinHTTP ' + $(if ($winHttp['proxyServer']) { $winHttp['proxyServer'] + ' (bypass ' + (& $show $winHttp['bypass']) + ')' } else { 'direct' }) + ' (' + $winHttp['source'] + ')'
    $systemHasProxy = ([string]$winInet['proxyEnable'] -eq '1' -and [bool]$winInet['proxyServer']) -or [bool]$winInet['autoConfigUrl'] -or [bool]$winInet['autoDetect'] -or [bool]$winHttp['proxyServer']
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')

    if ($proxy -is [System.Collections.IDictionary]) {
        $proxyHost = [string]$proxy['host']
        $port = [int]$proxy['port']
        if (-not $proxyHost -or -not $port) { throw 'proxy var needs host and port' }
        $name = $proxyHost + ':' + $port
        $authRequired = [bool]$proxy['authRequired']
        $evidence = @(('declared proxy ' + $name + ', authRequired ' + $authRequired), $systemLine)
        $tcp = @(Test-FsEndpointSet -Targets @(@{ host = $proxyHost; port = $port }) -TimeoutMs $timeout -TcpOnly)[0]
        $verdict = Get-FsEndpointVerdict -Probe $tcp
        if (-not $verdict['reachable']) {
            return New-FsCheckResult -Status fail -Summary ('Proxy ' + $name + ' unreachable') -Evidence (@('proxy ' + $name + ': ' + $verdict['detail']) + $evidence)
        }
        $entra = @(Get-FsCloudEndpoint -Cloud $Context['Cloud'] | Where-Object { $_['role'] -eq 'entra' })[0]['host']
        $through = @(Test-FsEndpointSet -Targets @(@{ host = $entra; port = 443 }) -TimeoutMs $timeout -ProxyUri ('http://' + $name))[0]
        $tunnel = $through['tunnel']
        $tunnelLine = 'CONNECT ' + $entra + ':443 through ' + $name + ': '
        if ($null -eq $tunnel) { $tunnelLine += 'no answer (' + (Get-FsEndpointVerdict -Probe $through)['detail'] + ')' }
        elseif ($tunnel['error']) { $tunnelLine += $tunnel['error'] }
        else { $tunnelLine += ([string]$tunnel['status'] + ' ' + $tunnel['reason']).Trim() }
        if ($null -ne $tunnel -and $tunnel['status'] -eq 407) {
            if (-not $authRequired) {
                return New-FsCheckResult -Status fail -Summary ('Proxy ' + $name + ' requires authentication (407) but authRequired is false') -Evidence (@($tunnelLine) + $evidence)
            }
            $evidence = @($tunnelLine, 'the proxy wants credentials, as planned (authRequired true): give them to the agent') + $evidence
        } elseif ($null -eq $tunnel -or $tunnel['error'] -or $tunnel['status'] -ne 200) {
            return New-FsCheckResult -Status fail -Summary ('Proxy ' + $name + ' does not open a tunnel to ' + $entra) -Evidence (@($tunnelLine) + $evidence)
        } else { $evidence = @($tunnelLine + ', TLS ' + $through['tls']) + $evidence }
        if ($winInet['proxyServer'] -and ([string]$winInet['proxyServer']) -notmatch [regex]::Escape($proxyHost)) {
            return New-FsCheckResult -Status warn -Summary ('SYSTEM is configured for another proxy than ' + $name) -Evidence $evidence
        }
        return New-FsCheckResult -Status pass -Summary ('Proxy ' + $name + ' reachable and opens a tunnel') -Evidence $evidence
    }
    if ([string]$proxy -eq 'system') {
        if (-not $systemHasProxy) {
            return New-FsCheckResult -Status fail -Summary 'proxy is system but SYSTEM has no proxy configured' -Evidence @('declared proxy system', $systemLine)
        }
        $resolved = Resolve-FsProxy -Context $Context
        return New-FsCheckResult -Status pass -Summary 'SYSTEM has a proxy configured' -Evidence @('declared proxy system', $systemLine, ('the agent would use: ' + $resolved['detail']))
    }
    if ($systemHasProxy) {
        return New-FsCheckResult -Status warn -Summary 'No proxy planned but SYSTEM has proxy settings' -Evidence @('declared proxy none', $systemLine)
    }
    New-FsCheckResult -Status pass -Summary 'No proxy planned and none configured for SYSTEM' -Evidence @('declared proxy none', $systemLine)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsProxyConfig'
