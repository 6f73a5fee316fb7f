function Resolve-FsProxyUri {
    <#
    .SYNOPSIS
        The proxy URI endpoint probes go through: the declared proxy var, SYSTEM's proxy for 'system', else $null.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        $proxyUri = Resolve-FsProxyUri -Context $Context   # http://proxy.contoso.local:8080
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $proxy = Resolve-FsVar -Context $Context -Name 'proxy'
    if ($proxy -is [System.Collections.IDictionary]) {
        if ($proxy['host']) { return 'http://' + $proxy['host'] + ':' + $proxy['port'] }
        return $null
    }
    if ([string]$proxy -eq 'system') {
        $settings = Get-FsProxySettings
        $server = $settings['winInet']['proxyServer']
        if ($settings['winInet']['proxyEnable'] -eq 1 -and $server) {
            # ProxyServer may be 'host:port' or 'https=host:port;http=...'
            $first = ([string]$server).Split(';')[0] -replace '^[a-z]+=', ''
            return 'http://' + $first
        }
    }
    $null
}
