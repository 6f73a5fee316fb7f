function Test-FsEndpoint {
    <#
    .SYNOPSIS
        Tests one HTTPS endpoint (DNS, TCP, TLS 1.2, or HEAD through a proxy); see Test-FsEndpointSet.
    .PARAMETER HostName
        The host to reach.
    .PARAMETER Port
        TCP port, 443 by default.
    .PARAMETER TimeoutMs
        Deadline of each step.
    .PARAMETER ProxyUri
        Go through this proxy.
    .EXAMPLE
        Test-FsEndpoint -HostName 'login.microsoftonline.com' -TimeoutMs 5000
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$HostName, [int]$Port = 443, [int]$TimeoutMs = 5000, [string]$ProxyUri)
    $answers = Test-FsEndpointSet -Targets @(@{ host = $HostName; port = $Port }) -TimeoutMs $TimeoutMs -ProxyUri $ProxyUri
    @($answers)[0]
}
