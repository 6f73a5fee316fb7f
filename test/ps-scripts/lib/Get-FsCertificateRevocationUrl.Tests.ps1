BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1')
    function New-FsTestCertificate([string[]]$Crl, [string[]]$Ocsp, [string[]]$Issuers) {
        $key = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=login.microsoftonline.com', $key, 'SHA256', [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        if ($Crl) { $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder]::BuildCrlDistributionPointExtension($Crl)) }
        if ($Ocsp -or $Issuers) { $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509AuthorityInformationAccessExtension]::new([string[]]@($Ocsp), [string[]]@($Issuers))) }
        $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddDays(30))
    }
}

Describe 'Get-FsCertificateRevocationUrl (certificates built with the real .NET encoders)' {
    It 'lists the CRL distribution points and the OCSP and CA issuer URLs of a public-CA style certificate' {
        $cert = New-FsTestCertificate -Crl @('http://crl3.digicert.com/DigiCertGlobalRootG2.crl', 'http://crl4.digicert.com/DigiCertGlobalRootG2.crl') -Ocsp @('http://ocsp.digicert.com') -Issuers @('http://cacerts.digicert.com/DigiCertGlobalRootG2.crt')
        Get-FsCertificateRevocationUrl -Certificate $cert | Should -Be @('http://crl3.digicert.com/DigiCertGlobalRootG2.crl', 'http://crl4.digicert.com/DigiCertGlobalRootG2.crl', 'http://ocsp.digicert.com', 'http://cacerts.digicert.com/DigiCertGlobalRootG2.crt')
    }

    It 'returns nothing for a certificate without revocation information' {
        @(Get-FsCertificateRevocationUrl -Certificate (New-FsTestCertificate)).Count | Should -Be 0
    }

    It 'accepts the X509Certificate an SslStream hands back' {
        $cert = New-FsTestCertificate -Ocsp @('http://ocsp.msocsp.com')
        $plain = New-Object System.Security.Cryptography.X509Certificates.X509Certificate(, $cert.RawData)
        Get-FsCertificateRevocationUrl -Certificate $plain | Should -Be @('http://ocsp.msocsp.com')
    }
}
