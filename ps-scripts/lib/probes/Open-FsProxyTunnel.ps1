function Open-FsProxyTunnel {
    <#
    .SYNOPSIS
        Step 3 of the endpoint probes through a proxy: asks the proxy for a tunnel (CONNECT host:port) on each
        open connection and reads its answer, all within one deadline.
    .DESCRIPTION
        Only "200" means the proxy reached the endpoint and opened a tunnel. A proxy that refuses answers the
        CONNECT itself (403, 502, 503 ...), and 407 asks for credentials; neither says anything about the
        endpoint. Answers, in item order, @{ status (the proxy's status code, or $null); reason (its reason
        phrase); error ($null, 'timeout', 'closed', 'malformed answer: ...' or the socket's message) }.
    .PARAMETER Items
        Hashtables with stream (the open connection to the proxy), host and port (the endpoint).
    .PARAMETER Deadline
        UTC instant the step ends.
    .EXAMPLE
        Open-FsProxyTunnel -Items @(@{ stream = $client.GetStream(); host = 'login.microsoftonline.com'; port = 443 }) -Deadline $d
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object[]]$Items, [Parameter(Mandatory = $true)][datetime]$Deadline)
    $reads = @(foreach ($item in $Items) {
        $target = [string]$item['host'] + ':' + [string]$item['port']
        $request = [System.Text.Encoding]::ASCII.GetBytes('CONNECT ' + $target + ' HTTP/1.1' + "`r`n" + 'Host: ' + $target + "`r`n" + 'Proxy-Connection: Keep-Alive' + "`r`n`r`n")
        $read = @{ stream = $item['stream']; buffer = (New-Object byte[] 4096); text = ''; task = $null; error = $null }
        try {
            $item['stream'].Write($request, 0, $request.Length)
            $read['task'] = $item['stream'].ReadAsync($read['buffer'], 0, $read['buffer'].Length)
        } catch { $read['error'] = $_.Exception.GetBaseException().Message }
        $read
    })
    $answers = @()
    foreach ($read in $reads) {
        while (-not $read['error'] -and $read['text'].IndexOf("`r`n`r`n") -lt 0) {
            Wait-FsTask -Task $read['task'] -Deadline $Deadline
            if ($read['task'].IsFaulted) { $read['error'] = Get-FsTaskError -Task $read['task']; break }
            if ($read['task'].Status -ne 'RanToCompletion') { $read['error'] = 'timeout'; break }
            $count = [int]$read['task'].Result
            if ($count -le 0) { $read['error'] = 'closed'; break }
            $read['text'] += [System.Text.Encoding]::ASCII.GetString($read['buffer'], 0, $count)
            # The header is all that matters; a refusing proxy may send a long HTML body after it.
            if ($read['text'].IndexOf("`r`n`r`n") -lt 0 -and $read['text'].Length -lt 16384) {
                $read['task'] = $read['stream'].ReadAsync($read['buffer'], 0, $read['buffer'].Length)
            } elseif ($read['text'].IndexOf("`r`n`r`n") -lt 0) { $read['error'] = 'malformed answer: no end of header in 16 KB' }
        }
        $answer = @{ status = $null; reason = $null; error = $read['error'] }
        $first = ($read['text'] -split "`r`n")[0]
        if ($first -match '^HTTP/\d\.\d\s+(\d{3})\s*(.*)$') {
            $answer['status'] = [int]$Matches[1]
            $answer['reason'] = $Matches[2].Trim()
            $answer['error'] = $null
        } elseif (-not $answer['error']) {
            $answer['error'] = 'malformed answer: ' + $first.Substring(0, [math]::Min(80, $first.Length))
        }
        $answers += , $answer
    }
    $answers
}
