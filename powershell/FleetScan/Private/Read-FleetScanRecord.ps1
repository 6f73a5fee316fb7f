function Read-FleetScanRecord {
    <#
    .SYNOPSIS
        Reads one run record (fleet-scan/run@1 or run@2) and returns it as parsed JSON objects.
    .DESCRIPTION
        Refuses, with one line naming the file, anything that is not a file, not JSON, or not a fleet-scan
        run record (the schema field, and the hosts and checks lists every report is written from). The
        full validation is the CLI's: `fleet-scan report RUN.json` names the first bad field.
    .PARAMETER Path
        The run record (.json) a scan wrote.
    .EXAMPLE
        $record = Read-FleetScanRecord -Path .\fleet-scan-reports\fleet-scan-20261201T131855Z-e2a4.json
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    if (-not [System.IO.File]::Exists($full)) { throw ($Path + ': no such file') }
    try { $text = [System.IO.File]::ReadAllText($full) }
    catch { throw ($Path + ': cannot read (' + $_.Exception.Message.Split("`n")[0].Trim() + ')') }
    try { $record = ConvertFrom-FleetScanJson -Text $text }
    catch { throw ($Path + ': not JSON') }
    $schema = [string](Get-FleetScanValue -InputObject $record -Name 'schema')
    if (@('fleet-scan/run@1', 'fleet-scan/run@2') -notcontains $schema) {
        $shown = $schema
        if (-not $shown) { $shown = 'none' }
        throw ($Path + ': not a fleet-scan run record (schema ' + $shown + ')')
    }
    foreach ($field in @('runId', 'hosts', 'checks')) {
        if ($null -eq (Get-FleetScanValue -InputObject $record -Name $field)) { throw ($Path + ': not a fleet-scan run record (no ' + $field + ')') }
    }
    $record | Add-Member -NotePropertyName '__path' -NotePropertyValue $full -Force
    $record
}
