function Get-FsCertificate {
    <#
    .SYNOPSIS
        Certificates in a store: subject, thumbprint, expiry (ISO UTC).
    .PARAMETER Store
        Store location and name, for example 'LocalMachine\My'.
    .EXAMPLE
        Get-FsCertificate -Store 'LocalMachine\My'
    #>
    [CmdletBinding()]
    param([string]$Store = 'LocalMachine\My')
    $certs = @()
    foreach ($c in @(Get-ChildItem -Path ('Cert:\' + $Store) -ErrorAction Stop)) {
        $certs += @{ subject = [string]$c.Subject; thumbprint = [string]$c.Thumbprint; notAfterUtc = (Format-FsUtcDate -Value $c.NotAfter) }
    }
    $certs
}
