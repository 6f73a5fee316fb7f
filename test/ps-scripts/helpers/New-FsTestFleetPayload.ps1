function New-FsTestFleetPayload {
    <#
    .SYNOPSIS
        A fleet payload as the controller sends it: each host once, each check listing its hosts by index.
    .PARAMETER Marker
        The output marker.
    .PARAMETER Checks
        One { id, hosts } per check, hosts as objects { name, cloud, status, vars, facts }; a host object
        listed by several checks is sent once.
    .EXAMPLE
        $payload = New-FsTestFleetPayload -Marker $marker -Checks @(@{ id = 'mars-fleet-vault-capacity'; hosts = $hosts })
    #>
    param([string]$Marker, [object[]]$Checks)
    $hosts = New-Object System.Collections.Generic.List[object]
    $listed = @(foreach ($c in $Checks) {
        $at = @(foreach ($h in @($c.hosts)) {
            $i = $hosts.IndexOf($h)
            if ($i -lt 0) { $hosts.Add($h); $i = $hosts.Count - 1 }
            $i
        })
        @{ id = $c.id; hosts = $at }
    })
    ConvertTo-FsBase64Json -InputObject @{ marker = $Marker; pack = 'mars'; hosts = $hosts.ToArray(); checks = $listed }
}
