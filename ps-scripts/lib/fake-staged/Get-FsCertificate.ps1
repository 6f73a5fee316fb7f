function Get-FsCertificate {
    <#
    .SYNOPSIS
        Staged twin: certs["LocalMachine\My"], a list of { subject, thumbprint }.
    .PARAMETER Store
        Store location and name.
    .EXAMPLE
        Get-FsCertificate -Store 'LocalMachine\My'
    #>
    [CmdletBinding()]
    param([string]$Store = 'LocalMachine\My')
    $certs = @()
    foreach ($c in @(Get-FsStagedEntry -Section certs -Key $Store)) {
        if ($null -eq $c) { continue }
        $certs += @{ subject = [string]$c['subject']; thumbprint = [string]$c['thumbprint']; notAfterUtc = $c['notAfterUtc'] }
    }
    $certs
}
