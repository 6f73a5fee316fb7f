<#
.SYNOPSIS
    mars-net-endpoints: Entra ID, Azure Backup and Storage endpoints of the host's cloud are reachable on 443.
.DESCRIPTION
    Probes the concrete hosts of section 5 of mars-checks.md for the host's cloud, all at once (one timeout
    per step), directly or through the declared/SYSTEM proxy. Fails when a fail-rated host is unreachable,
    warns for warn-rated hosts, reports info rows; rows without their input (vaultGeoCode,
    storageProbeHosts) are named as not probed. With privateEndpoint the Backup and Storage rows belong to
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
  "description": "The agent needs HTTPS 443 to Microsoft Entra ID, Azure Storage and the Azure Backup service of its cloud. Samples each documented wildcard with a concrete host: DNS, TCP 443 and a TLS 1.2 handshake with certificate validation, or an HTTPS HEAD through the proxy.",
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
    $proxyUri = Resolve-FsProxyUri -Context $Context
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')
    $answers = @()
    if ($targets.Count) { $answers = @(Test-FsEndpointSet -Targets $targets -TimeoutMs $timeout -ProxyUri $proxyUri) }
    $failed = @()
    $warned = @()
    $info = @()
    $okCount = 0
    for ($i = 0; $i -lt $targets.Count; $i++) {
        $verdict = Get-FsEndpointVerdict -Probe $answers[$i]
        $entry = $targets[$i]['host'] + ' (' + $verdict['detail'] + ')'
        if ($targets[$i]['severity'] -eq 'info') {
            $info += ('info: ' + $entry)
            continue
        }
        if ($verdict['reachable']) { $okCount++ }
        elseif ($targets[$i]['severity'] -eq 'fail') { $failed += $entry }
        else { $warned += $entry }
        if ($targets[$i]['host'] -eq 'login.microsoftonline.com' -and @($answers[$i]['dns']).Count) {
            $inRange = @($answers[$i]['dns'] | Where-Object { Test-FsIpInPrefix -Address $_ -Prefix @('20.190.128.0/18', '40.126.0.0/18') })
            $info += ('info: login.microsoftonline.com resolves ' + $(if ($inRange.Count) { 'inside' } else { 'outside' }) + ' the documented Entra ID ranges 20.190.128.0/18, 40.126.0.0/18')
        }
    }
    $judged = $targets.Count - @($targets | Where-Object { $_['severity'] -eq 'info' }).Count
    $via = 'direct'
    if ($proxyUri) { $via = 'through proxy ' + $proxyUri }
    $evidence = @()
    $bad = $failed.Count + $warned.Count
    if ($bad) { $evidence += ([string]$bad + ' of ' + $judged + ' endpoints unreachable (' + $via + '): ' + (@($failed + $warned) -join ', ')) }
    else { $evidence += ([string]$okCount + ' of ' + $judged + ' endpoints reachable (' + $via + ')') }
    $evidence += $notes
    $evidence += $info
    if ($failed.Count) {
        return New-FsCheckResult -Status fail -Summary ('Required ' + $Context['Cloud'] + ' endpoints unreachable: ' + (@($failed | ForEach-Object { $_.Split(' ')[0] }) -join ', ')) -Evidence $evidence
    }
    if ($warned.Count) {
        return New-FsCheckResult -Status warn -Summary ('Some ' + $Context['Cloud'] + ' endpoints unreachable: ' + (@($warned | ForEach-Object { $_.Split(' ')[0] }) -join ', ')) -Evidence $evidence
    }
    New-FsCheckResult -Status pass -Summary ('All probed ' + $Context['Cloud'] + ' endpoints reachable') -Evidence $evidence
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsNetEndpoints'
