<#
.SYNOPSIS
    mars-net-ncsi: the Windows connectivity-check hosts are reachable.
.DESCRIPTION
    Probes www.msftconnecttest.com and www.msftncsi.com on 443 together; warns when neither is reachable.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsNetNcsi -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-net-ncsi",
  "title": "Windows connectivity-check hosts reachable",
  "failure": "Windows connectivity-check hosts unreachable",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "host",
  "description": "The OS connectivity checks need www.msftconnecttest.com or www.msftncsi.com; both are named in the MARS URL lists. The docs do not say registration fails without them.",
  "remediation": "Allow www.msftncsi.com and www.msftconnecttest.com outbound on the firewall and proxy.",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["network", "endpoints"],
  "requires": []
}
'@

function Test-MarsNetNcsi {
    param($Context)
    $hosts = @('www.msftconnecttest.com', 'www.msftncsi.com')
    $targets = @($hosts | ForEach-Object { @{ host = $_; port = 443 } })
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')
    $answers = @(Test-FsEndpointSet -Targets $targets -TimeoutMs $timeout -ProxyUri (Resolve-FsProxyUri -Context $Context))
    $lines = @()
    $reachable = 0
    for ($i = 0; $i -lt $hosts.Count; $i++) {
        $verdict = Get-FsEndpointVerdict -Probe $answers[$i]
        if ($verdict['reachable']) { $reachable++ }
        $lines += ($hosts[$i] + ': ' + $verdict['detail'])
    }
    if ($reachable -eq 0) {
        return New-FsCheckResult -Status warn -Summary 'Neither NCSI host is reachable' -Evidence (@('0 of 2 NCSI hosts reachable') + $lines)
    }
    New-FsCheckResult -Status pass -Summary ([string]$reachable + ' of 2 NCSI hosts reachable') -Evidence $lines
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsNetNcsi'
