function Get-FleetScanRun {
    <#
    .SYNOPSIS
        Gets the summary of fleet-scan runs from their run records: when, what, how many hosts were ready, failing or unseen.

    .DESCRIPTION
        Reads each run record and writes one FleetScan.Run object: RunId, StartedAt and FinishedAt (UTC
        [datetime]), Duration ([timespan]), Pack, PackVersion, Tool, User, Controller, Inventory,
        InventoryKey, Hosts, ReadyHosts (reached, and every check passed, warned, was skipped or waived),
        FailingHosts (reached, with a failed check), UnseenHosts (unreachable, timed out or errored),
        NotRunHosts, Failed, Warned, Errors and Waived (outcome counts), Interrupted, PreviousRunId and
        Changes (what the scan compared it with in its history; $null without history) and Path.

        Pipe the objects to Get-FleetScanFinding for the outcomes, or sort them by StartedAt to pair runs for
        Compare-FleetScanRun.

    .PARAMETER Path
        Run records to read. Accepts pipeline input, also from Get-ChildItem (FullName).

    .EXAMPLE
        PS C:\> Get-FleetScanRun .\reports\fleet-scan-20261201T132031Z-b614.json | Format-List RunId, StartedAt, Hosts, ReadyHosts, FailingHosts, UnseenHosts, Changes

        RunId        : 20261201T132031Z-b614
        StartedAt    : 12/01/2026 13:20:31
        Hosts        : 4
        ReadyHosts   : 0
        FailingHosts : 2
        UnseenHosts  : 2
        Changes      : 7

    .EXAMPLE
        PS C:\> Get-ChildItem .\reports\*.json | Get-FleetScanRun | Sort-Object StartedAt | Format-Table RunId, Hosts, FailingHosts, UnseenHosts

        RunId                 Hosts FailingHosts UnseenHosts
        -----                 ----- ------------ -----------
        20261201T132018Z-f8a2     3            2           0
        20261201T132031Z-b614     4            2           2

    .LINK
        Get-FleetScanFinding

    .LINK
        Compare-FleetScanRun
    #>
    [CmdletBinding()]
    [OutputType('FleetScan.Run')]
    param(
        [Parameter(Mandatory = $true, Position = 0, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias('FullName')]
        [string[]]$Path
    )
    process {
        foreach ($file in $Path) {
            $record = Read-FleetScanRecord -Path $file
            $hosts = @($record.hosts)
            $outcomes = @($hosts | ForEach-Object { @($_.checks) })
            $count = { param($Status) @($outcomes | Where-Object { [string]$_.status -eq $Status }).Count }
            $ready = 0
            $failing = 0
            foreach ($h in $hosts) {
                if ([string]$h.status -ne 'ok') { continue }
                $statuses = @(@($h.checks) | ForEach-Object { [string]$_.status })
                if ($statuses -contains 'fail') { $failing++ }
                elseif (-not @($statuses | Where-Object { @('pass', 'warn', 'skipped', 'waived') -notcontains $_ }).Count) { $ready++ }
            }
            $changes = Get-FleetScanValue -InputObject $record -Name 'changes'
            $inventory = Get-FleetScanValue -InputObject $record -Name 'inventory'
            $started = ConvertTo-FleetScanDate -Value $record.startedAt
            $finished = ConvertTo-FleetScanDate -Value (Get-FleetScanValue -InputObject $record -Name 'finishedAt')
            $duration = $null
            $ms = Get-FleetScanValue -InputObject $record -Name 'durationMs'
            if ($null -ne $ms) { $duration = [timespan]::FromMilliseconds([double]$ms) }
            $run = [pscustomobject]@{
                PSTypeName    = 'FleetScan.Run'
                RunId         = [string]$record.runId
                StartedAt     = $started
                FinishedAt    = $finished
                Duration      = $duration
                Pack          = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject (Get-FleetScanValue -InputObject $record -Name 'pack') -Name 'name')
                PackVersion   = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject (Get-FleetScanValue -InputObject $record -Name 'pack') -Name 'version')
                Tool          = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject (Get-FleetScanValue -InputObject $record -Name 'tool') -Name 'version')
                User          = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $record -Name 'user')
                Controller    = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $record -Name 'controller')
                Inventory     = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $inventory -Name 'path')
                InventoryKey  = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $inventory -Name 'key')
                Hosts         = $hosts.Count
                ReadyHosts    = $ready
                FailingHosts  = $failing
                UnseenHosts   = @($hosts | Where-Object { @('unreachable', 'timeout', 'error') -contains [string]$_.status }).Count
                NotRunHosts   = @($hosts | Where-Object { [string]$_.status -eq 'not-run' }).Count
                Failed        = & $count 'fail'
                Warned        = & $count 'warn'
                Errors        = & $count 'error'
                Waived        = & $count 'waived'
                Interrupted   = [bool](Get-FleetScanValue -InputObject $record -Name 'interrupted')
                PreviousRunId = ConvertTo-FleetScanText -Value (Get-FleetScanValue -InputObject $changes -Name 'previousRunId')
                Changes       = $(if ($null -eq $changes) { $null } else { @($changes.changes).Count })
                Path          = [string]$record.__path
            }
            Add-FleetScanDisplay -InputObject $run -Property RunId, StartedAt, Pack, Hosts, ReadyHosts, FailingHosts, UnseenHosts
        }
    }
}
