<#
.SYNOPSIS
    mars-azure-tools-cert: no stale "Windows Azure Tools" certificate in the computer's Personal store.
.DESCRIPTION
    Warns when Cert:\LocalMachine\My holds a certificate whose subject contains CN=Windows Azure Tools
    (documented workaround for invalid vault credentials).
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsAzureToolsCert -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-azure-tools-cert",
  "title": "No stale Windows Azure Tools certificate",
  "failure": "Stale Windows Azure Tools certificate present",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "host",
  "description": "A 'Windows Azure Tools' certificate in the computer's Personal store can make vault credentials look invalid; removing it is a documented workaround.",
  "remediation": "If the 'Windows Azure Tools' certificate is not used by anything else, remove it from Cert:\\LocalMachine\\My and retry registration.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mabs-troubleshoot",
  "tags": ["registration", "certificates"],
  "requires": []
}
'@

function Test-MarsAzureToolsCert {
    param($Context)
    $certs = @(Get-FsCertificate -Store 'LocalMachine\My')
    $stale = @($certs | Where-Object { $_['subject'] -match 'CN=Windows Azure Tools' })
    if ($stale.Count) {
        $lines = @($stale | ForEach-Object { 'LocalMachine\My: ' + $_['subject'] + ' (thumbprint ' + $_['thumbprint'] + ')' })
        return New-FsCheckResult -Status warn -Summary 'Windows Azure Tools certificate present' -Evidence $lines
    }
    New-FsCheckResult -Status pass -Summary 'No Windows Azure Tools certificate' -Evidence @([string]$certs.Count + ' certificates in LocalMachine\My, none with CN=Windows Azure Tools')
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsAzureToolsCert'
