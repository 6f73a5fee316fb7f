<#
.SYNOPSIS
    mars-proxy-config: the proxy configuration matches reality.
.DESCRIPTION
    proxy 'none': warns when SYSTEM has a WinINET proxy, an auto-config URL or a WinHTTP proxy.
    proxy { host, port, authRequired }: fails when the proxy port is unreachable or when an HTTPS request to
    the cloud's Entra ID host returns 407 while authRequired is false; warns when SYSTEM names another proxy.
    proxy 'system': fails when SYSTEM has no proxy.
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
    $text = [string]$settings['winHttpText']
    $winHttp = $null
    if ($text -notmatch 'Direct access' -and $text -match 'Proxy Server\(s\)\s*:\s*(\S+)') { $winHttp = $Matches[1] }
    $systemLine = 'SYSTEM WinINET ProxyEnable=' + $(if ($null -ne $winInet['proxyEnable']) { $winInet['proxyEnable'] } else { 'absent' }) + ', ProxyServer=' + $(if ($winInet['proxyServer']) { $winInet['proxyServer'] } else { 'absent' }) + ', AutoConfigURL=' + $(if ($winInet['autoConfigUrl']) { $winInet['autoConfigUrl'] } else { 'absent' }) + '; WinHTTP ' + $(if ($winHttp) { $winHttp } else { 'direct' })
    $systemHasProxy = ($winInet['proxyEnable'] -eq 1) -or [bool]$winInet['autoConfigUrl'] -or [bool]$winHttp
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')

    if ($proxy -is [System.Collections.IDictionary]) {
        $proxyHost = [string]$proxy['host']
        $port = [int]$proxy['port']
        if (-not $proxyHost -or -not $port) { throw 'proxy var needs host and port' }
        $name = $proxyHost + ':' + $port
        $evidence = @(('declared proxy ' + $name + ', authRequired ' + [bool]$proxy['authRequired']), $systemLine)
        $tcp = @(Test-FsEndpointSet -Targets @(@{ host = $proxyHost; port = $port }) -TimeoutMs $timeout -TcpOnly)[0]
        $verdict = Get-FsEndpointVerdict -Probe $tcp
        if (-not $verdict['reachable']) {
            return New-FsCheckResult -Status fail -Summary ('Proxy ' + $name + ' unreachable') -Evidence (@('proxy ' + $name + ': ' + $verdict['detail']) + $evidence)
        }
        $entra = @(Get-FsCloudEndpoint -Cloud $Context['Cloud'] | Where-Object { $_['role'] -eq 'entra' })[0]['host']
        $head = @(Test-FsEndpointSet -Targets @(@{ host = $entra; port = 443 }) -TimeoutMs $timeout -ProxyUri ('http://' + $name))[0]
        $headLine = 'HEAD https://' + $entra + '/ through proxy: ' + $head['http']
        if ([string]$head['http'] -eq '407' -and -not [bool]$proxy['authRequired']) {
            return New-FsCheckResult -Status fail -Summary ('Proxy ' + $name + ' requires authentication (407) but authRequired is false') -Evidence (@($headLine) + $evidence)
        }
        if ($winInet['proxyServer'] -and ([string]$winInet['proxyServer']) -notmatch [regex]::Escape($proxyHost)) {
            return New-FsCheckResult -Status warn -Summary ('SYSTEM is configured for another proxy than ' + $name) -Evidence (@($headLine) + $evidence)
        }
        return New-FsCheckResult -Status pass -Summary ('Proxy ' + $name + ' reachable') -Evidence (@($headLine) + $evidence)
    }
    if ([string]$proxy -eq 'system') {
        if (-not $systemHasProxy) {
            return New-FsCheckResult -Status fail -Summary 'proxy is system but SYSTEM has no proxy configured' -Evidence @($systemLine)
        }
        return New-FsCheckResult -Status pass -Summary 'SYSTEM has a proxy configured' -Evidence @($systemLine)
    }
    if ($systemHasProxy) {
        return New-FsCheckResult -Status warn -Summary 'No proxy planned but SYSTEM has proxy settings' -Evidence @('declared proxy none', $systemLine)
    }
    New-FsCheckResult -Status pass -Summary 'No proxy planned and none configured for SYSTEM' -Evidence @('declared proxy none', $systemLine)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsProxyConfig'
