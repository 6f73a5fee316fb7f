function Invoke-FleetScan {
    <#
    .SYNOPSIS
        Runs a fleet-scan scan of an inventory and returns what its exit code means, or with -PassThru one object per host and check.

    .DESCRIPTION
        Starts the fleet-scan CLI (`fleet-scan scan`) with one flag per parameter given, passed as an
        argument list (never a command string), and shows its console output as it comes. The parameters
        are the CLI's flags one to one: -Inventory is --inventory, -ConnectTimeout is --connect-timeout,
        -HostName is --host, -NoXlsx is --no-xlsx, -Color:$false is --no-color, and the common -Verbose is
        --verbose (the summary lists every failing host). What is not given is left to the CLI's defaults.

        Without -PassThru it returns one FleetScan.ScanResult: ExitCode, Meaning (the README's words for
        it), Clean ($true for exit 0), RunId and RunRecord (the run record the scan wrote: -Json, or the
        newest fleet-scan-*.json the scan wrote in -OutDir). With -PassThru it returns the findings of that
        run record instead, as Get-FleetScanFinding does. $LASTEXITCODE holds the exit code either way.

        The CLI is -FleetScanPath when given (bin/fleet-scan.js runs with node), else the bin/fleet-scan.js
        of the checkout this module belongs to, else fleet-scan on PATH.

    .PARAMETER Inventory
        Inventory file (.json, .csv or .txt): --inventory.
    .PARAMETER Defaults
        Defaults for a .csv or .txt inventory (JSON with a "defaults" object): --defaults.
    .PARAMETER Pack
        Check pack (CLI default mars): --pack.
    .PARAMETER Checks
        Only these checks (ids): --checks.
    .PARAMETER Tags
        Only hosts with any of these tags: --tags.
    .PARAMETER HostName
        Only these hosts (names, * wildcards): --host.
    .PARAMETER Concurrency
        Hosts scanned at once (CLI default 32): --concurrency.
    .PARAMETER Deadline
        Wall-clock budget per host, e.g. 90s or 2m (CLI default 120s): --deadline.
    .PARAMETER ConnectTimeout
        Connect timeout per host, overriding the inventory: --connect-timeout.
    .PARAMETER OutDir
        Folder for the reports and the run journal (CLI default fleet-scan-reports): --out-dir.
    .PARAMETER Xlsx
        Workbook path: --xlsx.
    .PARAMETER NoXlsx
        Write no workbook: --no-xlsx.
    .PARAMETER Json
        Run record path: --json.
    .PARAMETER NoJson
        Write no run record: --no-json (not with -PassThru, which reads it).
    .PARAMETER Junit
        JUnit XML path: --junit.
    .PARAMETER Html
        HTML report path (one self-contained file): --html.
    .PARAMETER Pdf
        PDF report path: --pdf.
    .PARAMETER Paper
        PDF paper, landscape: a4 or letter: --paper.
    .PARAMETER History
        History database: --history.
    .PARAMETER NoHistory
        Do not record this run in the history: --no-history.
    .PARAMETER Waivers
        Waiver file (.json or .csv): --waivers.
    .PARAMETER FailOn
        any (default) or new: whether the exit code reflects every failure or only those new since the previous run: --fail-on.
    .PARAMETER Log
        JSON-lines log file, one line per host: --log.
    .PARAMETER Resume
        Finish an interrupted run (run id or journal file): --resume.
    .PARAMETER Quiet
        Print only the summary: --quiet.
    .PARAMETER Color
        Colours on (-Color) or off (-Color:$false): --color / --no-color. Default: the CLI decides (off, since its output is piped here).
    .PARAMETER Top
        Hosts listed in the summary (CLI default 10): --top.
    .PARAMETER Shard
        Scan only shard K of N of the selected hosts (K/N, e.g. 3/8); needs -RunId: --shard.
    .PARAMETER Shards
        Split into N shards and scan the one JOB_COMPLETION_INDEX names (0-based, as a Kubernetes Indexed Job sets it): --shards.
    .PARAMETER Site
        Scan only the hosts of this inventory site (shards split the site); needs -RunId: --site.
    .PARAMETER RunId
        The run id shared by every shard of one run; a scan with the run id of an unfinished run continues it: --run-id.
    .PARAMETER NoFindingsExit
        Exit 0 once the run record is complete, whatever it found (for a shard whose merge judges the run): --no-findings-exit.
    .PARAMETER AcceptNewHostKeys
        ssh and ssh-exec: add the key of a host that known_hosts does not list yet (first use); a changed key is still refused: --accept-new-host-keys.
    .PARAMETER FleetScanPath
        The fleet-scan CLI to run: an executable, or bin/fleet-scan.js (run with node).
    .PARAMETER PassThru
        Return the findings of the run record (one FleetScan.Finding per host and check) instead of the result.

    .EXAMPLE
        PS C:\> Invoke-FleetScan -Inventory .\servers.json -OutDir .\reports -NoXlsx -NoHistory -Quiet

        (the CLI's summary, as fleet-scan prints it)
        Exit code 5: a check failed, and a host was unreachable, timed out or errored (or a check could not run)

        ExitCode Meaning      Clean RunId                 RunRecord
        -------- -------      ----- -----                 ---------
               5 both 1 and 4 False 20261201T132031Z-b614 C:\audit\reports\fleet-scan-20261201T132031Z-b614.json

    .EXAMPLE
        PS C:\> Invoke-FleetScan -Inventory .\servers.csv -Defaults .\defaults.json -Tags prod -PassThru | Where-Object Status -eq 'fail' | Export-Csv .\failures.csv -NoTypeInformation

        Scans the prod hosts and keeps one CSV row per failing host and check, with evidence and remediation.

    .EXAMPLE
        PS C:\> Invoke-FleetScan -Inventory .\servers.json -Checks mars-clock-skew, mars-net-endpoints -ConnectTimeout 10s -Deadline 90s -Verbose

        The command line it runs is shown as a verbose message first:
        VERBOSE: node C:\fleet-scan\bin\fleet-scan.js scan --inventory .\servers.json --checks mars-clock-skew,mars-net-endpoints --deadline 90s --connect-timeout 10s --verbose

    .LINK
        Get-FleetScanFinding

    .LINK
        Get-FleetScanRun

    .LINK
        Compare-FleetScanRun
    #>
    [CmdletBinding()]
    [OutputType('FleetScan.ScanResult', 'FleetScan.Finding')]
    param(
        [ValidateNotNullOrEmpty()][string]$Inventory,
        [ValidateNotNullOrEmpty()][string]$Defaults,
        [ValidateNotNullOrEmpty()][string]$Pack,
        [ValidateNotNullOrEmpty()][string[]]$Checks,
        [ValidateNotNullOrEmpty()][string[]]$Tags,
        [Alias('ComputerName')][ValidateNotNullOrEmpty()][string[]]$HostName,
        [ValidateRange(1, 100000)][int]$Concurrency,
        [ValidateNotNullOrEmpty()][string]$Deadline,
        [ValidateNotNullOrEmpty()][string]$ConnectTimeout,
        [ValidateNotNullOrEmpty()][string]$OutDir,
        [ValidateNotNullOrEmpty()][string]$Xlsx,
        [switch]$NoXlsx,
        [ValidateNotNullOrEmpty()][string]$Json,
        [switch]$NoJson,
        [ValidateNotNullOrEmpty()][string]$Junit,
        [ValidateNotNullOrEmpty()][string]$Html,
        [ValidateNotNullOrEmpty()][string]$Pdf,
        [ValidateSet('a4', 'letter')][string]$Paper,
        [ValidateNotNullOrEmpty()][string]$History,
        [switch]$NoHistory,
        [ValidateNotNullOrEmpty()][string]$Waivers,
        [ValidateSet('any', 'new')][string]$FailOn,
        [ValidateNotNullOrEmpty()][string]$Log,
        [ValidateNotNullOrEmpty()][string]$Resume,
        [switch]$Quiet,
        [switch]$Color,
        [ValidateRange(0, 100000)][int]$Top,
        [ValidateNotNullOrEmpty()][string]$Shard,
        [ValidateRange(1, 100000)][int]$Shards,
        [ValidateNotNullOrEmpty()][string]$Site,
        [ValidateNotNullOrEmpty()][string]$RunId,
        [switch]$NoFindingsExit,
        [switch]$AcceptNewHostKeys,
        [ValidateNotNullOrEmpty()][string]$FleetScanPath,
        [switch]$PassThru
    )
    foreach ($pair in @(@('Xlsx', 'NoXlsx'), @('Json', 'NoJson'), @('History', 'NoHistory'))) {
        if ($PSBoundParameters.ContainsKey($pair[0]) -and $PSBoundParameters.ContainsKey($pair[1])) {
            throw ('Invoke-FleetScan: give -' + $pair[0] + ' or -' + $pair[1] + ', not both')
        }
    }
    if ($PassThru -and $NoJson) { throw 'Invoke-FleetScan: -PassThru reads the run record, which -NoJson does not write' }
    $cli = Resolve-FleetScanCli -FleetScanPath $FleetScanPath
    $arguments = @($cli.Arguments) + @('scan') + @(ConvertTo-FleetScanArgument -Bound $PSBoundParameters)
    Write-Verbose -Message ($cli.Command + ' ' + ($arguments -join ' '))
    $started = [datetime]::UtcNow
    # Native stderr arrives as error records; under a caller's 'Stop' Windows PowerShell would end the scan's output there.
    $saved = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        & $cli.Command @arguments 2>&1 | ForEach-Object { Write-Host ([string]$_) }
        $code = $LASTEXITCODE
    }
    finally { $ErrorActionPreference = $saved }
    $recordPath = $null
    if ($Json) { $recordPath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Json) }
    elseif (-not $NoJson) {
        $folder = 'fleet-scan-reports'
        if ($OutDir) { $folder = $OutDir }
        $folder = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($folder)
        if ([System.IO.Directory]::Exists($folder)) {
            $newest = Get-ChildItem -LiteralPath $folder -Filter 'fleet-scan-*.json' -File |
                Where-Object { $_.LastWriteTimeUtc -ge $started.AddSeconds(-2) } | Sort-Object LastWriteTimeUtc | Select-Object -Last 1
            if ($newest) { $recordPath = $newest.FullName }
        }
    }
    if ($recordPath -and -not [System.IO.File]::Exists($recordPath)) { $recordPath = $null }
    if ($PassThru) {
        if (-not $recordPath) {
            Write-Error -Message ('fleet-scan exited ' + $code + ' (' + (Get-FleetScanExitMeaning -ExitCode $code) + ') and wrote no run record')
            return
        }
        return Get-FleetScanFinding -Path $recordPath
    }
    # Not $RunId: that is the -RunId parameter, validated on every assignment.
    $scannedRunId = $null
    if ($recordPath) { $scannedRunId = [string](Read-FleetScanRecord -Path $recordPath).runId }
    $result = [pscustomobject]@{
        PSTypeName = 'FleetScan.ScanResult'
        ExitCode   = $code
        Meaning    = Get-FleetScanExitMeaning -ExitCode $code
        Clean      = ($code -eq 0)
        RunId      = $scannedRunId
        RunRecord  = $recordPath
    }
    $result
}
