function Get-FleetScanFlagMap {
    <#
    .SYNOPSIS
        Which fleet-scan scan flag each Invoke-FleetScan parameter stands for, and how its value is passed.
    .DESCRIPTION
        One entry per parameter: Flag, and Kind: Value (the flag and its value), List (the flag and the
        items joined by commas), Switch (the flag alone when set) or Negatable (-Color gives --color,
        -Color:$false gives --no-color). The No* switches are the flags' own negations (--no-xlsx,
        --no-json, --no-history, --no-findings-exit). -Verbose, the common parameter, is --verbose: the
        summary lists every failing host. A Pester test holds the flags equal to `fleet-scan scan --help`.
    .EXAMPLE
        (Get-FleetScanFlagMap)['ConnectTimeout']   # @{ Flag = '--connect-timeout'; Kind = 'Value' }
    #>
    [CmdletBinding()]
    param()
    $map = [ordered]@{}
    $entries = @(
        @('Inventory', '--inventory', 'Value'), @('Defaults', '--defaults', 'Value'), @('Pack', '--pack', 'Value'),
        @('Checks', '--checks', 'List'), @('Tags', '--tags', 'List'), @('HostName', '--host', 'List'),
        @('Concurrency', '--concurrency', 'Value'), @('Deadline', '--deadline', 'Value'), @('ConnectTimeout', '--connect-timeout', 'Value'),
        @('OutDir', '--out-dir', 'Value'), @('Xlsx', '--xlsx', 'Value'), @('NoXlsx', '--no-xlsx', 'Switch'),
        @('Json', '--json', 'Value'), @('NoJson', '--no-json', 'Switch'), @('Junit', '--junit', 'Value'),
        @('Html', '--html', 'Value'), @('Pdf', '--pdf', 'Value'), @('Paper', '--paper', 'Value'),
        @('History', '--history', 'Value'), @('NoHistory', '--no-history', 'Switch'), @('Waivers', '--waivers', 'Value'),
        @('FailOn', '--fail-on', 'Value'), @('Log', '--log', 'Value'), @('Resume', '--resume', 'Value'),
        @('Quiet', '--quiet', 'Switch'), @('Verbose', '--verbose', 'Switch'), @('Color', '--color', 'Negatable'),
        @('Top', '--top', 'Value'), @('Shard', '--shard', 'Value'), @('Shards', '--shards', 'Value'),
        @('Site', '--site', 'Value'), @('RunId', '--run-id', 'Value'), @('NoFindingsExit', '--no-findings-exit', 'Switch'),
        @('AcceptNewHostKeys', '--accept-new-host-keys', 'Switch')
    )
    foreach ($e in $entries) { $map[$e[0]] = @{ Flag = $e[1]; Kind = $e[2] } }
    $map
}
