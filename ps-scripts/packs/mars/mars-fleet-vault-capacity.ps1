<#
.SYNOPSIS
    mars-fleet-vault-capacity: a vault does not exceed the documented 50 machines (controller-side).
.DESCRIPTION
    Counts the inventory hosts per (cloud, vaultName), adds alreadyRegisteredCount (the largest value given
    in the group) and warns every host of a group above vaultMachineLimit (50).
.PARAMETER Hosts
    One object per host: name, cloud, status, vars, facts.
.EXAMPLE
    Test-MarsFleetVaultCapacity -Hosts $hosts
#>
$FsCheckMetadata = @'
{
  "id": "mars-fleet-vault-capacity",
  "title": "Vault not over the documented machine limit",
  "failure": "Vault over the 50-machine limit",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "warn",
  "kind": "fleet",
  "description": "The troubleshooting page names 50 machines per vault for MARS (credential download error 403, activation 0x1FC07 when the vault's registration limit is reached). Counts the inventory's hosts per vault plus machines already registered there.",
  "remediation": "Spread the servers across several Recovery Services vaults.",
  "source": "https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot",
  "tags": ["fleet", "capacity"],
  "requires": ["vaultName"],
  "partition": "vaultName",
  "reads": ["alreadyRegisteredCount", "vaultMachineLimit"]
}
'@

function Test-MarsFleetVaultCapacity {
    param($Hosts)
    $results = @{}
    $groups = @{}
    foreach ($h in $Hosts) {
        $key = ([string]$h['cloud'] + '/' + [string]$h['vars']['vaultName']).ToLowerInvariant()
        # A list, not +=: a vault of thousands stays linear.
        if (-not $groups.Contains($key)) { $groups[$key] = New-Object System.Collections.Generic.List[object] }
        $groups[$key].Add($h)
    }
    foreach ($key in $groups.Keys) {
        $members = $groups[$key]
        $vault = [string]$members[0]['vars']['vaultName']
        $already = 0
        $limit = 50
        foreach ($m in $members) {
            if ($null -ne $m['vars']['alreadyRegisteredCount'] -and [int]$m['vars']['alreadyRegisteredCount'] -gt $already) { $already = [int]$m['vars']['alreadyRegisteredCount'] }
            if ($null -ne $m['vars']['vaultMachineLimit']) { $limit = [int]$m['vars']['vaultMachineLimit'] }
        }
        $total = $members.Count + $already
        $line = 'vault ' + $vault + ': ' + $members.Count + ' inventory hosts + ' + $already + ' already registered = ' + $total
        foreach ($m in $members) {
            if ($total -gt $limit) {
                $results[$m['name']] = New-FsCheckResult -Status warn -Summary ('Vault ' + $vault + ' would hold ' + $total + ' machines (limit ' + $limit + ')') -Evidence @($line + ' > ' + $limit)
            } else {
                $results[$m['name']] = New-FsCheckResult -Status pass -Summary ('Vault ' + $vault + ' would hold ' + $total + ' machines') -Evidence @($line + ' <= ' + $limit)
            }
        }
    }
    $results
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsFleetVaultCapacity'
