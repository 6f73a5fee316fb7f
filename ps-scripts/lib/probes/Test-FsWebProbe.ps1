function Test-FsWebProbe {
    <#
    .SYNOPSIS
        Plain HTTP GETs of several URLs at once (the way Windows' connectivity check fetches its probe file):
        status and the start of the body, within one deadline.
    .DESCRIPTION
        Redirects are not followed (a captive portal or filtering proxy answers with one). Without ProxyUri the
        request goes direct, whatever the scanning account's proxy settings. Each answer: url, via
        (direct|proxy), status (HTTP status code or $null), body (the first 512 characters, or $null), error
        ($null, 'timeout' or 'error:<WebExceptionStatus>: <message>').
    .PARAMETER Url
        The http:// URLs.
    .PARAMETER TimeoutMs
        Deadline for all requests together.
    .PARAMETER ProxyUri
        Send the requests through this HTTP proxy.
    .EXAMPLE
        Test-FsWebProbe -Url 'http://www.msftconnecttest.com/connecttest.txt'   # status 200, body 'Microsoft Connect Test'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string[]]$Url, [int]$TimeoutMs = 5000, [string]$ProxyUri)
    $via = 'direct'
    if ($ProxyUri) { $via = 'proxy' }
    $readBody = {
        param($Response)
        $stream = $Response.GetResponseStream()
        try {
            if ($stream.CanTimeout) { $stream.ReadTimeout = [int][math]::Max(1, ($deadline - [datetime]::UtcNow).TotalMilliseconds) }
            $buffer = New-Object byte[] 512
            $total = 0
            while ($total -lt $buffer.Length) {
                $n = $stream.Read($buffer, $total, $buffer.Length - $total)
                if ($n -le 0) { break }
                $total += $n
            }
            [System.Text.Encoding]::UTF8.GetString($buffer, 0, $total)
        } catch { $null = $_ } finally { $Response.Close() }
    }
    $requests = @(foreach ($u in $Url) {
        $request = [System.Net.HttpWebRequest]::Create($u)
        $request.Method = 'GET'
        $request.AllowAutoRedirect = $false
        $request.KeepAlive = $false
        $request.Timeout = $TimeoutMs
        if ($ProxyUri) { $request.Proxy = New-Object System.Net.WebProxy($ProxyUri) } else { $request.Proxy = $null }
        @{ url = $u; request = $request; task = $request.GetResponseAsync() }
    })
    $deadline = [datetime]::UtcNow.AddMilliseconds($TimeoutMs)
    foreach ($q in $requests) {
        Wait-FsTask -Task $q['task'] -Deadline $deadline
        $answer = @{ url = $q['url']; via = $via; status = $null; body = $null; error = $null }
        $task = $q['task']
        if ($task.Status -eq 'RanToCompletion') {
            $answer['status'] = [int]$task.Result.StatusCode
            $answer['body'] = & $readBody $task.Result
        } elseif ($task.IsFaulted) {
            $web = $task.Exception
            while ($web -and -not ($web -is [System.Net.WebException])) { $web = $web.InnerException }
            if ($web -and $web.Response) {
                # A 3xx/4xx/5xx still answered: keep its status and body (a portal page says a lot).
                $answer['status'] = [int]$web.Response.StatusCode
                $answer['body'] = & $readBody $web.Response
            } elseif ($web -and $web.Status -eq [System.Net.WebExceptionStatus]::Timeout) {
                # The request's own Timeout fired before the deadline was looked at: a timeout all the same.
                $answer['error'] = 'timeout'
            } elseif ($web) { $answer['error'] = 'error:' + $web.Status.ToString() + ': ' + (Get-FsTaskError -Task $task) }
            else { $answer['error'] = 'error:' + (Get-FsTaskError -Task $task) }
        } else {
            $q['request'].Abort()
            $answer['error'] = 'timeout'
        }
        $answer
    }
}
