function Test-FsRevocationReach {
    <#
    .SYNOPSIS
        Step 5 of the endpoint probes: can the host reach the revocation servers (CRL and OCSP hosts) that the
        endpoints' certificates name? Reported beside the endpoint, never as "endpoint unreachable".
    .DESCRIPTION
        Every distinct revocation host:port is looked up and connected once (TCP), all at once, within the
        deadline. Answers, in certificate order, one text each: 'reachable', 'reachable (<host:port> <why>, ...
        unreachable)' when some but not all answer, 'unreachable: <host:port> <why>, ...', 'no revocation URL
        in the certificate', or 'not checked: <why>'.
    .PARAMETER Certificates
        Server certificates ($null entries answer 'not checked: no certificate').
    .PARAMETER Deadline
        UTC instant the step ends.
    .EXAMPLE
        Test-FsRevocationReach -Certificates @($cert) -Deadline $d   # unreachable: crl3.digicert.com:80 (tcp timeout)
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object[]]$Certificates, [Parameter(Mandatory = $true)][datetime]$Deadline)
    $perCertificate = @(foreach ($c in $Certificates) {
        if ($null -eq $c) { , @(); continue }
        $hosts = @(foreach ($u in @(Get-FsCertificateRevocationUrl -Certificate $c)) { $uri = [uri]$u; $uri.Host + ':' + $uri.Port })
        , @($hosts | Select-Object -Unique)
    })
    $distinct = @($perCertificate | ForEach-Object { $_ } | Select-Object -Unique)
    $state = @{}
    if ($distinct.Count) {
        $names = Resolve-FsEndpointName -Names @($distinct | ForEach-Object { $_.Substring(0, $_.LastIndexOf(':')) }) -Deadline $Deadline
        $resolved = @($distinct | Where-Object { -not $names[$_.Substring(0, $_.LastIndexOf(':'))]['error'] })
        foreach ($d in $distinct) {
            $dnsError = $names[$d.Substring(0, $d.LastIndexOf(':'))]['error']
            if ($dnsError) { $state[$d] = 'dns ' + $dnsError }
        }
        $targets = @($resolved | ForEach-Object { @{ addresses = $names[$_.Substring(0, $_.LastIndexOf(':'))]['addresses']; port = [int]$_.Substring($_.LastIndexOf(':') + 1) } })
        $connected = @()
        if ($targets.Count) { $connected = @(Connect-FsEndpointAddress -Targets $targets -Deadline $Deadline) }
        for ($i = 0; $i -lt $resolved.Count; $i++) {
            if ($connected[$i]['tcp'] -eq 'open') { $state[$resolved[$i]] = 'open'; $connected[$i]['client'].Close() }
            else { $state[$resolved[$i]] = 'tcp ' + $connected[$i]['tcp'] }
        }
    }
    for ($i = 0; $i -lt $Certificates.Count; $i++) {
        if ($null -eq $Certificates[$i]) { 'not checked: no certificate'; continue }
        $hosts = @($perCertificate[$i])
        if ($hosts.Count -eq 0) { 'no revocation URL in the certificate'; continue }
        $bad = @($hosts | Where-Object { $state[$_] -ne 'open' } | ForEach-Object { $_ + ' (' + $state[$_] + ')' })
        if ($bad.Count -eq 0) { 'reachable' }
        elseif ($bad.Count -lt $hosts.Count) { 'reachable (' + ($bad -join ', ') + ' unreachable)' }
        else { 'unreachable: ' + ($bad -join ', ') }
    }
}
