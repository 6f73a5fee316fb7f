function Get-FsCertificateRevocationUrl {
    <#
    .SYNOPSIS
        The HTTP URLs a certificate names for revocation checking: CRL distribution points and OCSP / CA issuer
        locations (Authority Information Access).
    .DESCRIPTION
        Reads the DER of extensions 2.5.29.31 and 1.3.6.1.5.5.7.1.1 directly: each URL there is a GeneralName
        of type uniformResourceIdentifier (tag 0x86) followed by its length. Extension.Format() is not used
        because its text is localised and differs between .NET Framework and .NET.
    .PARAMETER Certificate
        An X509Certificate or X509Certificate2.
    .EXAMPLE
        Get-FsCertificateRevocationUrl -Certificate $ssl.RemoteCertificate   # http://crl3.digicert.com/..., http://ocsp.digicert.com
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Certificate)
    $cert = $Certificate
    if ($cert -isnot [System.Security.Cryptography.X509Certificates.X509Certificate2]) {
        $cert = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2($Certificate)
    }
    $urls = New-Object System.Collections.ArrayList
    foreach ($extension in @($cert.Extensions)) {
        if (@('2.5.29.31', '1.3.6.1.5.5.7.1.1') -notcontains $extension.Oid.Value) { continue }
        $raw = $extension.RawData
        for ($i = 0; $i -lt $raw.Length - 2; $i++) {
            if ($raw[$i] -ne 0x86) { continue }
            $length = [int]$raw[$i + 1]
            # Short-form lengths only: a URL longer than 127 bytes in a certificate is not worth a long-form parse.
            if ($length -ge 0x80 -or $i + 2 + $length -gt $raw.Length) { continue }
            $text = [System.Text.Encoding]::ASCII.GetString($raw, $i + 2, $length)
            if ($text -match '^https?://' -and -not $urls.Contains($text)) { $null = $urls.Add($text) }
            $i += 1 + $length
        }
    }
    @($urls)
}
