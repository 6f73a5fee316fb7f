function Start-FsTlsHandshake {
    <#
    .SYNOPSIS
        Starts a TLS 1.2 client handshake on an open stream and returns the SslStream and its task.
    .DESCRIPTION
        The server certificate is validated (trusted chain, matching name) but revocation is not checked online:
        a network that allows only the MARS URLs often blocks the CA's CRL and OCSP hosts, and an online check
        would then fail or stall the handshake. Revocation reachability is probed separately
        (Test-FsRevocationReach). .NET Framework clients such as the agent do not check revocation unless
        ServicePointManager.CheckCertificateRevocationList is set.
    .PARAMETER Stream
        An open network stream (direct, or a proxy tunnel).
    .PARAMETER HostName
        The name the certificate must match.
    .EXAMPLE
        $h = Start-FsTlsHandshake -Stream $client.GetStream() -HostName 'login.microsoftonline.com'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Stream, [Parameter(Mandatory = $true)][string]$HostName)
    $ssl = New-Object System.Net.Security.SslStream($Stream, $false)
    @{ ssl = $ssl; task = $ssl.AuthenticateAsClientAsync($HostName, $null, [System.Security.Authentication.SslProtocols]::Tls12, $false) }
}
