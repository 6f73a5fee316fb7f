function Get-FsEndpointVerdict {
    <#
    .SYNOPSIS
        Decides whether one Test-FsEndpointSet answer proves the path to the endpoint, with a short detail and,
        apart from it, what was seen of the certificate's revocation servers.
    .DESCRIPTION
        Direct: DNS, TCP and (unless TCP only) a TLS 1.2 handshake must succeed; an address that failed before
        another connected is named in the detail. Through a proxy: the proxy must be reachable and answer the
        CONNECT with 200 (407 = it wants credentials, any other status = it refused), then the TLS 1.2 handshake
        through the tunnel must succeed. Revocation servers that cannot be reached never make an endpoint
        unreachable; they come back in revocation (a text, or $null when nothing is worth saying).
    .PARAMETER Probe
        One result of Test-FsEndpointSet.
    .EXAMPLE
        Get-FsEndpointVerdict -Probe $r   # @{ reachable = $false; detail = 'dns NXDOMAIN'; revocation = $null }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Probe)
    $revocation = $null
    if ([string]$Probe['revocation'] -match '^(unreachable|reachable \()') { $revocation = 'revocation servers ' + $Probe['revocation'] }
    $verdict = { param($Reachable, $Detail) @{ reachable = $Reachable; detail = $Detail; revocation = $revocation } }
    $tunnel = $Probe['tunnel']
    if ($Probe['via'] -eq 'proxy') {
        if ($Probe['dnsError']) { return (& $verdict $false ('dns ' + $Probe['dnsError'])) }
        if ($Probe['tcp'] -ne 'open') { return (& $verdict $false ('proxy tcp ' + $Probe['tcp'])) }
        if ($Probe['tcp'] -eq 'open' -and $Probe['tls'] -eq 'skipped' -and $null -eq $tunnel) { return (& $verdict $true 'proxy tcp open') }
        if ($null -ne $tunnel -and $tunnel['error']) { return (& $verdict $false ('proxy CONNECT ' + $tunnel['error'])) }
        if ($null -ne $tunnel -and $tunnel['status'] -eq 407) { return (& $verdict $false 'proxy answered 407 (authentication required)') }
        if ($null -ne $tunnel -and $tunnel['status'] -ne 200) { return (& $verdict $false (('proxy refused CONNECT: ' + $tunnel['status'] + ' ' + $tunnel['reason']).Trim())) }
        if ($Probe['tls'] -ne 'Tls12') { return (& $verdict $false ('tunnel open, tls ' + $Probe['tls'])) }
        return (& $verdict $true 'Tls12 ok through proxy tunnel')
    }
    if ($Probe['dnsError']) { return (& $verdict $false ('dns ' + $Probe['dnsError'])) }
    if ($Probe['tcp'] -ne 'open') { return (& $verdict $false ('tcp ' + $Probe['port'] + ' ' + $Probe['tcp'])) }
    $suffix = ''
    if ($Probe['fallback']) { $suffix = ' (' + $Probe['fallback'] + ')' }
    if ($Probe['tls'] -eq 'skipped') { return (& $verdict $true ('tcp ' + $Probe['port'] + ' open' + $suffix)) }
    if ($Probe['tls'] -ne 'Tls12') { return (& $verdict $false ('tls ' + $Probe['tls'] + $suffix)) }
    & $verdict $true ('Tls12 ok' + $suffix)
}
