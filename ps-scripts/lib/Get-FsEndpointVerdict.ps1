function Get-FsEndpointVerdict {
    <#
    .SYNOPSIS
        Decides whether one Test-FsEndpointSet answer proves the path to the endpoint, with a short detail.
    .DESCRIPTION
        Direct: DNS, TCP 443 and (unless TCP only) a TLS 1.2 handshake must succeed. Through a proxy: any
        HTTP status from the target proves the path, except 407 (the proxy wants credentials).
    .PARAMETER Probe
        One result of Test-FsEndpointSet.
    .EXAMPLE
        Get-FsEndpointVerdict -Probe $r   # @{ reachable = $false; detail = 'dns NXDOMAIN' }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Probe)
    if ($Probe['via'] -eq 'proxy') {
        $http = $Probe['http']
        if ($http -is [int] -or $http -is [long] -or ([string]$http -match '^\d+$')) {
            if ([int]$http -eq 407) { return @{ reachable = $false; detail = 'proxy answered 407 (authentication required)' } }
            return @{ reachable = $true; detail = 'HTTP ' + $http + ' through proxy' }
        }
        return @{ reachable = $false; detail = 'through proxy: ' + $http }
    }
    if ($Probe['dnsError']) { return @{ reachable = $false; detail = 'dns ' + $Probe['dnsError'] } }
    if ($Probe['tcp'] -ne 'open') { return @{ reachable = $false; detail = 'tcp ' + $Probe['port'] + ' ' + $Probe['tcp'] } }
    if ($Probe['tls'] -eq 'skipped') { return @{ reachable = $true; detail = 'tcp ' + $Probe['port'] + ' open' } }
    if ($Probe['tls'] -ne 'Tls12') { return @{ reachable = $false; detail = 'tls ' + $Probe['tls'] } }
    @{ reachable = $true; detail = 'Tls12 ok' }
}
