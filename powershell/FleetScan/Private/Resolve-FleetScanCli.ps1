function Resolve-FleetScanCli {
    <#
    .SYNOPSIS
        How to start the fleet-scan CLI: the command and the arguments that come before the subcommand.
    .DESCRIPTION
        In order: -FleetScanPath (a .js file runs with node, anything else is started as it is); the
        bin/fleet-scan.js of the checkout this module sits in (run with node), so the module and the CLI
        are the same version; fleet-scan on PATH. Throws one line when none is found.
    .PARAMETER FleetScanPath
        An explicit fleet-scan executable or bin/fleet-scan.js.
    .EXAMPLE
        $cli = Resolve-FleetScanCli; & $cli.Command @($cli.Arguments + @('--version'))
    #>
    [CmdletBinding()]
    param([string]$FleetScanPath)
    $node = {
        param($Script)
        $command = Get-Command -Name node -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if (-not $command) { throw ('node not found on PATH: it is needed to run ' + $Script) }
        @{ Command = $command.Source; Arguments = @($Script) }
    }
    if ($FleetScanPath) {
        $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($FleetScanPath)
        if (-not [System.IO.File]::Exists($full)) { throw ('FleetScanPath ' + $FleetScanPath + ': no such file') }
        if ($full -like '*.js') { return & $node $full }
        return @{ Command = $full; Arguments = @() }
    }
    # This file sits in <checkout>/powershell/FleetScan/Private.
    $checkout = Split-Path -Parent (Split-Path -Parent (Split-Path -Parent $PSScriptRoot))
    $script = Join-Path (Join-Path $checkout 'bin') 'fleet-scan.js'
    if ([System.IO.File]::Exists($script)) { return & $node $script }
    $onPath = Get-Command -Name fleet-scan -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($onPath) { return @{ Command = $onPath.Source; Arguments = @() } }
    throw 'fleet-scan not found: put it on PATH or pass -FleetScanPath'
}
