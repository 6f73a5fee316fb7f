function Connect-FsEndpointAddress {
    <#
    .SYNOPSIS
        Step 2 of the endpoint probes: opens TCP to every address of each target at once and keeps, per target,
        the first address in resolver order that connects.
    .DESCRIPTION
        Like .NET's own connect by name, an address that fails (an IPv6 address first while IPv6 egress is
        blocked) does not make the endpoint unreachable when a later address connects. Up to four addresses
        per target are tried. Answers, in target order, @{ client (open TcpClient or $null); address (the one
        that connected); tcp ('open', 'timeout', 'refused: <message>' or, with several addresses,
        'failed: <address> <what>; ...'); fallback (what failed before the address that connected, or $null) }.
    .PARAMETER Targets
        Hashtables with addresses (text, resolver order) and port.
    .PARAMETER Deadline
        UTC instant the step ends.
    .EXAMPLE
        Connect-FsEndpointAddress -Targets @(@{ addresses = @('2001:db8::10', '198.51.100.10'); port = 443 }) -Deadline $d
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object[]]$Targets, [Parameter(Mandatory = $true)][datetime]$Deadline)
    $pending = @(foreach ($t in $Targets) {
        $attempts = @(foreach ($text in @(@($t['addresses']) | Select-Object -First 4)) {
            $address = [System.Net.IPAddress]::Parse([string]$text)
            $started = Start-FsTcpConnect -Address $address -Port ([int]$t['port'])
            @{ address = [string]$text; client = $started['client']; task = $started['task'] }
        })
        , $attempts
    })
    $answers = @()
    foreach ($attempts in $pending) {
        $chosen = $null
        $failures = @()
        foreach ($a in @($attempts)) {
            if ($null -ne $chosen) { continue }
            Wait-FsTask -Task $a['task'] -Deadline $Deadline
            if ($a['task'].Status -eq 'RanToCompletion' -and $null -ne $a['client'] -and $a['client'].Connected) { $chosen = $a; continue }
            if ($a['task'].IsFaulted) { $failures += @{ address = $a['address']; what = ('refused (' + (Get-FsTaskError -Task $a['task']) + ')'); message = (Get-FsTaskError -Task $a['task']) } }
            else { $failures += @{ address = $a['address']; what = 'timeout'; message = $null } }
        }
        foreach ($a in @($attempts)) {
            if ($null -ne $a['client'] -and -not [object]::ReferenceEquals($a, $chosen)) { try { $a['client'].Close() } catch { $null = $_ } }
        }
        $describe = { param($List) @($List | ForEach-Object { $_['address'] + ' ' + $_['what'] }) -join '; ' }
        if ($null -ne $chosen) {
            $fallback = $null
            if ($failures.Count) { $fallback = (& $describe $failures) + '; connected to ' + $chosen['address'] }
            $answers += , @{ client = $chosen['client']; address = $chosen['address']; tcp = 'open'; fallback = $fallback }
            continue
        }
        $tcp = 'timeout'
        if (@($attempts).Count -gt 1) { $tcp = 'failed: ' + (& $describe $failures) }
        elseif ($failures.Count -and $failures[0]['message']) { $tcp = 'refused: ' + $failures[0]['message'] }
        $answers += , @{ client = $null; address = $null; tcp = $tcp; fallback = $null }
    }
    $answers
}
