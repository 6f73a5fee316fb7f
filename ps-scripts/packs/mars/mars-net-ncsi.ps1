<#
.SYNOPSIS
    mars-net-ncsi: the Windows connectivity-check hosts are reachable.
.DESCRIPTION
    Fetches what Windows' Network Connectivity Status Indicator fetches: http://www.msftconnecttest.com/
    connecttest.txt (body "Microsoft Connect Test") and http://www.msftncsi.com/ncsi.txt (body "Microsoft
    NCSI"), plain HTTP on port 80, redirects not followed, both at once, directly or through the planned
    proxy. Passes when either answers 200 with its body; warns when neither does (blocked, redirected by a
    captive portal, or replaced by a filtering proxy's page).
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
  "description": "Windows' connectivity check (NCSI) fetches a small text file over plain HTTP on port 80 from www.msftconnecttest.com (or www.msftncsi.com on older Windows) and expects a fixed body; the MARS network pages name both hosts. The docs do not say registration fails without them.",
  "remediation": "Allow HTTP (port 80) to www.msftconnecttest.com and www.msftncsi.com on the firewall and proxy, by name rather than IP address (the probe servers' addresses change).",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["network", "endpoints"],
  "requires": []
}
'@

function Test-MarsNetNcsi {
    param($Context)
    # What Windows fetches and expects: plain HTTP on port 80 and a fixed body (Windows 10/Server 2016 and later, then older).
    $probes = [ordered]@{ 'http://www.msftconnecttest.com/connecttest.txt' = 'Microsoft Connect Test'; 'http://www.msftncsi.com/ncsi.txt' = 'Microsoft NCSI' }
    $proxy = Resolve-FsProxy -Context $Context
    $timeout = [int](Resolve-FsVar -Context $Context -Name 'endpointTimeoutMs')
    $urls = @($probes.Keys)
    $answers = @(Test-FsWebProbe -Url $urls -TimeoutMs $timeout -ProxyUri $proxy['uri'])
    $lines = @()
    $good = 0
    for ($i = 0; $i -lt $urls.Count; $i++) {
        $a = $answers[$i]
        $expected = $probes[$urls[$i]]
        if ($a['error']) { $lines += ($urls[$i] + ': ' + $a['error']); continue }
        $body = ([string]$a['body']).Trim()
        if ($a['status'] -eq 200 -and $body -eq $expected) { $good++; $lines += ($urls[$i] + ': HTTP 200 "' + $expected + '"'); continue }
        $shown = $body
        if ($shown.Length -gt 60) { $shown = $shown.Substring(0, 57) + '...' }
        if ($a['status'] -ge 300 -and $a['status'] -lt 400) { $lines += ($urls[$i] + ': HTTP ' + $a['status'] + ' redirect (captive portal or filtering proxy)'); continue }
        $lines += ($urls[$i] + ': HTTP ' + $a['status'] + ' "' + $shown + '", not "' + $expected + '" (captive portal or filtering proxy)')
    }
    $route = 'direct'
    if ($proxy['uri']) { $route = 'through proxy ' + $proxy['uri'] }
    $lines += ('proxy: ' + $proxy['detail'])
    if ($good -eq 0) {
        return New-FsCheckResult -Status warn -Summary 'Windows connectivity check would report no internet access' -Evidence (@('0 of 2 connectivity-check probes answered as Windows expects (' + $route + ')') + $lines)
    }
    New-FsCheckResult -Status pass -Summary ([string]$good + ' of 2 connectivity-check probes answered as Windows expects') -Evidence (@([string]$good + ' of 2 probes answered (' + $route + ')') + $lines)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsNetNcsi'
