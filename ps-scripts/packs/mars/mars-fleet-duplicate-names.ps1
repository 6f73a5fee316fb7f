<#
.SYNOPSIS
    mars-fleet-duplicate-names: no two hosts with the same computer name in one vault (controller-side).
.DESCRIPTION
    Groups the scanned hosts by (cloud, vaultName) and fails every host whose NetBIOS name (facts.computerName,
    case-insensitive) appears more than once in its group; its evidence names up to ten of the others and
    how many more there are. Hosts whose computer name is unknown (not scanned) are skipped.
.PARAMETER Hosts
    One object per host: name, cloud, status, vars, facts (with computerName).
.EXAMPLE
    Test-MarsFleetDuplicateNames -Hosts $hosts   # @{ 'fs01' = <result>; 'fs01-clone' = <result> }
#>
$FsCheckMetadata = @'
{
  "id": "mars-fleet-duplicate-names",
  "title": "No two hosts with the same name in one vault",
  "failure": "Computer name shared by several hosts in one vault",
  "phase": "registration",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "fleet",
  "description": "One vault cannot protect several machines with the same name. Compares the computer names the hosts report within each (cloud, vault) group of the inventory.",
  "remediation": "Rename the hosts or split them across vaults before registering them.",
  "source": "https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent",
  "tags": ["fleet", "registration"],
  "requires": ["vaultName"],
  "partition": "vaultName"
}
'@

function Test-MarsFleetDuplicateNames {
    param($Hosts)
    $results = @{}
    $groups = @{}
    foreach ($h in $Hosts) {
        $facts = $h['facts']
        $computer = $null
        if ($null -ne $facts) { $computer = $facts['computerName'] }
        if (-not $computer) {
            $results[$h['name']] = New-FsCheckResult -Status skipped -Summary 'Computer name unknown' -Reason ('computer name unknown: host status ' + $h['status'])
            continue
        }
        $key = ([string]$h['cloud'] + '/' + [string]$h['vars']['vaultName']).ToLowerInvariant()
        # Lists and lookups, not += and a search per host: a vault of thousands stays linear.
        if (-not $groups.Contains($key)) { $groups[$key] = New-Object System.Collections.Generic.List[object] }
        $groups[$key].Add(@{ name = [string]$h['name']; computer = ([string]$computer).ToUpperInvariant(); vault = [string]$h['vars']['vaultName'] })
    }
    foreach ($key in $groups.Keys) {
        $members = $groups[$key]
        $byComputer = @{}
        foreach ($m in $members) {
            if (-not $byComputer.Contains($m['computer'])) { $byComputer[$m['computer']] = New-Object System.Collections.Generic.List[string] }
            $byComputer[$m['computer']].Add($m['name'])
        }
        foreach ($m in $members) {
            $group = $byComputer[$m['computer']]
            if ($group.Count -gt 1) {
                # Ten names at most: an image cloned onto thousands of hosts must not make each host's evidence
                # name all the others (that grows with the square of the group).
                $others = New-Object System.Collections.Generic.List[string]
                foreach ($name in $group) {
                    if ($others.Count -eq 10) { break }
                    if ($name -ne $m['name']) { $others.Add($name) }
                }
                $more = ''
                if ($group.Count - 1 -gt $others.Count) { $more = ' and ' + ($group.Count - 1 - $others.Count) + ' more' }
                $results[$m['name']] = New-FsCheckResult -Status fail -Summary ('Computer name ' + $m['computer'] + ' is used by ' + $group.Count + ' hosts in vault ' + $m['vault']) `
                    -Evidence @('COMPUTERNAME ' + $m['computer'] + ' also reported by ' + ($others -join ', ') + $more + ' for vault ' + $m['vault'])
            } else {
                $results[$m['name']] = New-FsCheckResult -Status pass -Summary ('Computer name ' + $m['computer'] + ' is unique in vault ' + $m['vault']) `
                    -Evidence @('COMPUTERNAME ' + $m['computer'] + ' unique among ' + $members.Count + ' hosts of vault ' + $m['vault'])
            }
        }
    }
    $results
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsFleetDuplicateNames'
