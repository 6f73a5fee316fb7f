function New-FsTestResponder {
    <#
    .SYNOPSIS
        A real loopback TCP peer for probe tests: answers each connection's first HTTP request with a canned reply.
    .DESCRIPTION
        Listens on 127.0.0.1 (a free port) and serves connections one after another on a background runspace:
        reads up to the end of the request header, records its first line, writes Reply, then either closes the
        connection or, with Hold, keeps it open and silent (a tunnel whose far end never speaks TLS).
        Stop it with Stop-FsTestResponder.
    .PARAMETER Reply
        The raw HTTP answer, for example "HTTP/1.1 403 Forbidden`r`nContent-Length: 0`r`n`r`n".
    .PARAMETER Hold
        Keep each connection open after the reply.
    .EXAMPLE
        $proxy = New-FsTestResponder -Reply "HTTP/1.1 407 Proxy Authentication Required`r`n`r`n"; $proxy.port
    #>
    param([Parameter(Mandatory = $true)][string]$Reply, [switch]$Hold)
    $listener = New-Object System.Net.Sockets.TcpListener([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $requests = [System.Collections.ArrayList]::Synchronized((New-Object System.Collections.ArrayList))
    $ps = [powershell]::Create()
    $null = $ps.AddScript({
        param($Listener, $Reply, $Hold, $Requests)
        $held = New-Object System.Collections.ArrayList
        try {
            while ($true) {
                $client = $Listener.AcceptTcpClient()
                $stream = $client.GetStream()
                $stream.ReadTimeout = 5000
                $text = ''
                $buffer = New-Object byte[] 4096
                while ($text.IndexOf("`r`n`r`n") -lt 0) {
                    $n = $stream.Read($buffer, 0, $buffer.Length)
                    if ($n -le 0) { break }
                    $text += [System.Text.Encoding]::ASCII.GetString($buffer, 0, $n)
                }
                $null = $Requests.Add(($text -split "`r`n")[0])
                $bytes = [System.Text.Encoding]::ASCII.GetBytes($Reply)
                $stream.Write($bytes, 0, $bytes.Length)
                $stream.Flush()
                if ($Hold) { $null = $held.Add($client) } else { $client.Close() }
            }
        } catch { $null = $_ } finally { foreach ($c in $held) { $c.Close() } }
    }).AddArgument($listener).AddArgument($Reply).AddArgument([bool]$Hold).AddArgument($requests)
    $handle = $ps.BeginInvoke()
    @{ port = $listener.LocalEndpoint.Port; listener = $listener; ps = $ps; handle = $handle; requests = $requests }
}
