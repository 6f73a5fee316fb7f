function Invoke-FsTestEntry {
    <#
    .SYNOPSIS
        Runs the real entry point Invoke-FleetScanPack on a staged host and parses what it wrote.
    .DESCRIPTION
        Writes the state to its file (FLEET_SCAN_STAGED_STATE), sends the payload as base64 JSON and parses
        every output line with the payload's marker (an unframed line fails the test). Returns lines (the raw
        output), framed (kind and body of each line), checks (the bodies of the check lines, in the order
        written) and report (the body of the last line, which must be the report).
    .PARAMETER State
        The staged state.
    .PARAMETER Payload
        The host payload (New-FsTestPayload).
    .EXAMPLE
        $run = Invoke-FsTestEntry -State (Get-FsTestState) -Payload $payload; $run.report.results
    #>
    param([hashtable]$State, [hashtable]$Payload)
    $null = Set-FsTestStateFile -State $State
    $lines = @(Invoke-FleetScanPack -PayloadBase64 (ConvertTo-FsBase64Json -InputObject $Payload))
    $framed = @(foreach ($line in $lines) { ConvertFrom-FsTestLine -Line $line -Marker $Payload['marker'] })
    if ($framed.Count -eq 0 -or $framed[-1]['kind'] -ne 'report') { throw 'the entry point did not end with its report line' }
    @{
        lines  = $lines
        framed = $framed
        checks = @($framed | Where-Object { $_['kind'] -eq 'check' } | ForEach-Object { $_['body'] })
        report = $framed[-1]['body']
    }
}
