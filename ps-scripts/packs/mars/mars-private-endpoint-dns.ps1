<#
.SYNOPSIS
    mars-private-endpoint-dns: private-endpoint names resolve to private addresses and answer on 443.
.DESCRIPTION
    Runs only with privateEndpoint = true. Fails when privateEndpointFqdns is empty, when a name does not
    resolve, resolves outside privateAddressPrefixes, or its port 443 is closed.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsPrivateEndpointDns -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-private-endpoint-dns",
  "title": "Private-endpoint names resolve to private addresses",
  "failure": "Private-endpoint names not private or not reachable",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "With private endpoints the agent reaches Azure Backup and Storage through *.privatelink.* names that must resolve to private addresses from the host; Entra ID still needs outbound access. Azure China documents the same for its vaults (privatelink.<geo>.backup.azure.cn, blob and queue under core.chinacloudapi.cn).",
  "remediation": "Publish the private DNS records (Azure Private DNS zones, conditional forwarders to 168.63.129.16, custom DNS or hosts entries) to the host's resolver and keep Entra ID reachable.",
  "source": "https://learn.microsoft.com/azure/backup/private-endpoints-overview",
  "tags": ["network", "private-endpoint", "dns"],
  "requires": []
}
'@

function Test-MarsPrivateEndpointDns {
    param($Context)
    if (-not [bool](Resolve-FsVar -Context $Context -Name 'privateEndpoint')) {
        return New-FsCheckResult -Status skipped -Summary 'Vault does not use private endpoints' -Reason 'privateEndpoint is false'
    }
    $names = @(Resolve-FsVar -Context $Context -Name 'privateEndpointFqdns' | Where-Object { $_ })
    if ($names.Count -eq 0) {
        return New-FsCheckResult -Status fail -Summary 'privateEndpointFqdns is empty: private DNS cannot be proven' -Evidence @('privateEndpoint true, no privateEndpointFqdns given')
    }
    $prefixes = @(Resolve-FsVar -Context $Context -Name 'privateAddressPrefixes')
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')
    $answers = @(Test-FsEndpointSet -Targets @($names | ForEach-Object { @{ host = $_; port = 443 } }) -TimeoutMs $timeout -TcpOnly)
    $problems = @()
    $lines = @()
    foreach ($a in $answers) {
        if ($a['dnsError']) { $problems += ($a['host'] + ': dns ' + $a['dnsError']); continue }
        $addresses = @($a['dns'])
        $public = @($addresses | Where-Object { -not (Test-FsIpInPrefix -Address $_ -Prefix $prefixes) })
        if ($public.Count) { $problems += ($a['host'] + ' -> ' + ($addresses -join ', ') + ': not in ' + ($prefixes -join ', ')); continue }
        if ($a['tcp'] -ne 'open') { $problems += ($a['host'] + ' -> ' + $addresses[0] + ': tcp 443 ' + $a['tcp']); continue }
        $lines += ($a['host'] + ' -> ' + ($addresses -join ', ') + ', tcp 443 open')
    }
    if ($problems.Count) {
        return New-FsCheckResult -Status fail -Summary ([string]$problems.Count + ' of ' + $names.Count + ' private-endpoint names not private or not reachable') -Evidence ($problems + $lines)
    }
    New-FsCheckResult -Status pass -Summary ('All ' + $names.Count + ' private-endpoint names resolve privately') -Evidence $lines
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsPrivateEndpointDns'
