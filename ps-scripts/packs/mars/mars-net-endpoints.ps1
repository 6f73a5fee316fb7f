<#
.SYNOPSIS
    mars-net-endpoints: Entra ID, Azure Backup and Storage endpoints of the host's cloud are reachable on 443.
.DESCRIPTION
    Probes the concrete hosts docs/checks.md lists for the host's cloud, all at once (one timeout
    per step), directly or through the declared/SYSTEM proxy (hosts on its bypass list go direct). Direct:
    DNS (every address tried in order), TCP 443, TLS 1.2 with certificate validation; through a proxy the
    tunnel must open (CONNECT 200) before TLS is judged. Fails when a fail-rated host is unreachable, warns
    for warn-rated hosts, reports info rows; rows without their input (vaultGeoCode, storageProbeHosts) are
    named as not probed. Unreachable CRL/OCSP servers of the certificates warn beside the endpoints, never
    fail them. When SYSTEM's proxy is a PAC script or WPAD only the direct path can be tested, so an
    unreachable endpoint warns. With privateEndpoint the Backup and Storage rows belong to
    mars-private-endpoint-dns.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsNetEndpoints -Context $context   # fail: 1 of 3 endpoints unreachable: login.microsoftonline.com (dns NXDOMAIN)
#>
$FsCheckMetadata = @'
{
  "id": "mars-net-endpoints",
  "title": "Entra ID, Azure Backup and Storage reachable on 443",
  "failure": "Entra ID, Azure Backup or Storage unreachable on 443",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "The agent needs HTTPS 443 to Microsoft Entra ID, Azure Storage and the Azure Backup service of its cloud. Samples each documented wildcard with a concrete host: DNS, TCP 443 and a TLS 1.2 handshake with certificate validation, through the proxy's CONNECT tunnel when there is one; unreachable revocation servers are reported apart.",
  "remediation": "Allow the cloud's FQDNs (or the AzureBackup, Storage and AzureActiveDirectory service tags) for HTTPS 443 on the firewall and proxy; for ExpressRoute use Microsoft peering, or private peering with private endpoints.",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["network", "endpoints"],
  "requires": []
}
'@

function Test-MarsNetEndpoints {
    param($Context)
    $geo = Resolve-FsVar -Context $Context -Name 'vaultGeoCode'
    $storage = @(Resolve-FsVar -Context $Context -Name 'storageProbeHosts')
    $private = [bool](Resolve-FsVar -Context $Context -Name 'privateEndpoint')
    $rows = @(Get-FsCloudEndpoint -Cloud $Context['Cloud'] -GeoCode $geo -StorageHost $storage)
    $notes = @()
    $targets = @()
    foreach ($r in $rows) {
        if ($private -and ($r['role'] -eq 'backup' -or $r['role'] -eq 'storage')) { $notes += ($r['role'] + ' endpoints judged by mars-private-endpoint-dns (privateEndpoint)'); continue }
        if ($r['skip']) { $notes += ($r['host'] + ' not probed: ' + $r['skip']); continue }
        $targets += $r
    }
    $notes = @($notes | Select-Object -Unique)
    $proxy = Resolve-FsProxy -Context $Context
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')
    # Hosts on the proxy's bypass list go direct, as the agent's requests would.
    $proxied = @()
    $direct = @()
    foreach ($t in $targets) {
        if ($proxy['uri'] -and -not (Test-FsProxyBypass -HostName $t['host'] -Bypass $proxy['bypass'])) { $proxied += $t } else { $direct += $t }
    }
    $answerOf = @{}
    if ($direct.Count) { $answers = @(Test-FsEndpointSet -Targets $direct -TimeoutMs $timeout); for ($i = 0; $i -lt $direct.Count; $i++) { $answerOf[$direct[$i]['host']] = $answers[$i] } }
    if ($proxied.Count) { $answers = @(Test-FsEndpointSet -Targets $proxied -TimeoutMs $timeout -ProxyUri $proxy['uri']); for ($i = 0; $i -lt $proxied.Count; $i++) { $answerOf[$proxied[$i]['host']] = $answers[$i] } }
    $failed = @()
    $warned = @()
    $info = @()
    $revocation = @()
    $okCount = 0
    foreach ($t in $targets) {
        $answer = $answerOf[$t['host']]
        $verdict = Get-FsEndpointVerdict -Probe $answer
        $entry = $t['host'] + ' (' + $verdict['detail'] + ')'
        if ($verdict['revocation']) { $revocation += ($t['host'] + ': ' + $verdict['revocation']) }
        if ($t['severity'] -eq 'info') { $info += ('info: ' + $entry); continue }
        if ($verdict['reachable']) { $okCount++ }
        elseif ($t['severity'] -eq 'fail') { $failed += $entry }
        else { $warned += $entry }
        if ($t['host'] -eq 'login.microsoftonline.com' -and @($answer['dns']).Count -and $answer['via'] -eq 'direct') {
            $inRange = @($answer['dns'] | Where-Object { Test-FsIpInPrefix -Address $_ -Prefix @('20.190.128.0/18', '40.126.0.0/18') })
            $info += ('info: login.microsoftonline.com resolves ' + $(if ($inRange.Count) { 'inside' } else { 'outside' }) + ' the documented Entra ID ranges 20.190.128.0/18, 40.126.0.0/18')
        }
    }
    $judged = @($targets | Where-Object { $_['severity'] -ne 'info' }).Count
    $via = 'direct'
    if ($proxy['uri']) { $via = 'through proxy ' + $proxy['uri'] }
    if ($proxy['uri'] -and $direct.Count) { $via += '; bypassed: ' + (@($direct | ForEach-Object { $_['host'] }) -join ', ') }
    $evidence = @()
    $bad = $failed.Count + $warned.Count
    if ($bad) { $evidence += ([string]$bad + ' of ' + $judged + ' endpoints unreachable (' + $via + '): ' + (@($failed + $warned) -join ', ')) }
    else { $evidence += ([string]$okCount + ' of ' + $judged + ' endpoints reachable (' + $via + ')') }
    $evidence += ('proxy: ' + $proxy['detail'])
    $evidence += $notes
    $evidence += $info
    if ($revocation.Count) { $evidence += @($revocation + @('revocation servers are not the endpoints: .NET Framework clients such as the agent do not check revocation unless configured to, but Windows components that do stall or fail while they are blocked')) }
    $names = { param($List) @($List | ForEach-Object { $_.Split(' ')[0] }) -join ', ' }
    if ($failed.Count -and $proxy['pac']) {
        return New-FsCheckResult -Status warn -Summary ('Required ' + $Context['Cloud'] + ' endpoints unreachable directly; SYSTEM''s PAC proxy could not be tested: ' + (& $names $failed)) -Evidence $evidence -Reason 'the agent''s proxy comes from a PAC script or WPAD, which the scan cannot evaluate'
    }
    if ($failed.Count) {
        return New-FsCheckResult -Status fail -Summary ('Required ' + $Context['Cloud'] + ' endpoints unreachable: ' + (& $names $failed)) -Evidence $evidence
    }
    if ($warned.Count) {
        return New-FsCheckResult -Status warn -Summary ('Some ' + $Context['Cloud'] + ' endpoints unreachable: ' + (& $names $warned)) -Evidence $evidence
    }
    if ($revocation.Count) {
        return New-FsCheckResult -Status warn -Summary ('All probed ' + $Context['Cloud'] + ' endpoints reachable; their certificates'' revocation servers are not') -Evidence $evidence
    }
    New-FsCheckResult -Status pass -Summary ('All probed ' + $Context['Cloud'] + ' endpoints reachable') -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsNetEndpoints'
