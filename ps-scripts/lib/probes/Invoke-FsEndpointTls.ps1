function Invoke-FsEndpointTls {
    <#
    .SYNOPSIS
        Step 4 of the endpoint probes: a TLS 1.2 handshake with certificate validation on every open stream,
        all at once, within one deadline.
    .DESCRIPTION
        Answers, in item order, @{ tls ('Tls12' or the protocol agreed, 'failed: <message>', 'timeout');
        certificate (the server certificate after a completed handshake, else $null); ssl (the SslStream, for
        the caller to dispose) }.
    .PARAMETER Items
        Hashtables with stream (direct connection or proxy tunnel) and host (the name the certificate must match).
    .PARAMETER Deadline
        UTC instant the step ends.
    .EXAMPLE
        Invoke-FsEndpointTls -Items @(@{ stream = $client.GetStream(); host = 'login.microsoftonline.com' }) -Deadline $d
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object[]]$Items, [Parameter(Mandatory = $true)][datetime]$Deadline)
    $handshakes = @(foreach ($item in $Items) {
        try { Start-FsTlsHandshake -Stream $item['stream'] -HostName ([string]$item['host']) }
        catch { @{ ssl = $null; task = $null; error = $_.Exception.GetBaseException().Message } }
    })
    $answers = @()
    foreach ($h in $handshakes) {
        if ($null -eq $h['task']) { $answers += , @{ tls = ('failed: ' + $h['error']); certificate = $null; ssl = $null }; continue }
        Wait-FsTask -Task $h['task'] -Deadline $Deadline
        $answer = @{ tls = 'timeout'; certificate = $null; ssl = $h['ssl'] }
        if ($h['task'].Status -eq 'RanToCompletion') {
            $answer['tls'] = [string]$h['ssl'].SslProtocol
            $answer['certificate'] = $h['ssl'].RemoteCertificate
        } elseif ($h['task'].IsFaulted) { $answer['tls'] = 'failed: ' + (Get-FsTaskError -Task $h['task']) }
        $answers += , $answer
    }
    $answers
}
