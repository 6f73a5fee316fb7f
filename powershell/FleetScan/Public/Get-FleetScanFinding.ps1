function Get-FleetScanFinding {
    <#
    .SYNOPSIS
        Gets one object per host and check from fleet-scan run records, ready for Where-Object, Sort-Object and Export-Csv.

    .DESCRIPTION
        Reads each run record (the JSON a scan writes beside its workbook) and writes one FleetScan.Finding
        object per host x check outcome, with fixed properties: RunId, Host, Cloud, Tags, HostStatus,
        CheckId, Title, Failure, Severity, Status, Summary, Evidence, Reason, Remediation, Source, Waived,
        WaivedStatus and Staged.

        Status is what the reports show: pass, warn, fail, skipped, error, not-run or waived (then
        WaivedStatus holds what the check found). HostStatus says whether the host was reached (ok,
        unreachable, timeout, error, not-run); a host that was not reached has every check not-run.
        Tags and Evidence are text so that Export-Csv keeps them: Tags joined by ', ', Evidence one line per
        entry (-split "`n" gives the lines back). On the console a finding shows Host, CheckId, Status and
        Summary; Format-List * shows everything.

    .PARAMETER Path
        Run records to read. Accepts pipeline input, also from Get-ChildItem (FullName) and Get-FleetScanRun (Path).

    .PARAMETER Status
        Only outcomes with one of these statuses, e.g. fail, warn.

    .PARAMETER CheckId
        Only these checks; wildcards allowed (mars-tls*).

    .PARAMETER HostName
        Only these hosts; wildcards allowed, case-insensitive as Windows names are.

    .EXAMPLE
        PS C:\> Get-FleetScanFinding .\reports\fleet-scan-20261201T132031Z-b614.json -Status fail

        Host CheckId                    Status Summary
        ---- -------                    ------ -------
        fs21 mars-tls12-schannel        fail   TLS 1.2 client is disabled in SChannel
        fs21 mars-clock-skew            fail   Clock off by 600 s
        fs22 mars-os-server-core        fail   Server Core installation is not supported by MARS
        fs22 mars-dotnet-version        fail   .NET Framework 4.7.2 is older than 4.8
        fs22 mars-existing-registration fail   Already registered to vault rsv-legacy, not rsv-files

    .EXAMPLE
        PS C:\> Get-ChildItem .\reports\*.json | Get-FleetScanFinding | Where-Object Status -eq 'fail' | Export-Csv failures.csv -NoTypeInformation

        One row per failing host and check of every run in the folder, with evidence and remediation.

    .EXAMPLE
        PS C:\> Get-FleetScanFinding .\run.json -CheckId mars-tls* -Status fail, warn | Group-Object Host | Select-Object Name, Count

        Name Count
        ---- -----
        fs21     1

    .LINK
        Get-FleetScanRun

    .LINK
        Invoke-FleetScan

    .LINK
        Compare-FleetScanRun
    #>
    [CmdletBinding()]
    [OutputType('FleetScan.Finding')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('FullName', 'RunRecord')]
        [string[]]$Path,
        [ValidateSet('pass', 'warn', 'fail', 'skipped', 'error', 'not-run', 'waived')]
        [string[]]$Status,
        [string[]]$CheckId,
        [string[]]$HostName
    )
    process {
        foreach ($file in $Path) {
            $record = Read-FleetScanRecord -Path $file
            $metadata = @{}
            foreach ($check in @($record.checks)) { $metadata[[string]$check.id] = $check }
            foreach ($hostResult in @($record.hosts)) {
                if ($HostName -and -not @($HostName | Where-Object { [string]$hostResult.name -like $_ }).Count) { continue }
                foreach ($outcome in @($hostResult.checks)) {
                    if ($Status -and $Status -notcontains [string]$outcome.status) { continue }
                    if ($CheckId -and -not @($CheckId | Where-Object { [string]$outcome.id -like $_ }).Count) { continue }
                    New-FleetScanFinding -Record $record -HostResult $hostResult -Outcome $outcome -Check $metadata[[string]$outcome.id]
                }
            }
        }
    }
}
