function Get-FsStagedState {
    <#
    .SYNOPSIS
        The staged Windows state of this lab host, read once from the JSON file named by FLEET_SCAN_STAGED_STATE.
    .DESCRIPTION
        Part of the staged (fake) probe library: on a lab host these functions replace the real probes.
        The file format is documented in docs/staged-state.md and staged-state.schema.json. The parsed
        state is cached per process (keyed by the path), so the file is read once per scan.
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        $env:FLEET_SCAN_STAGED_STATE = '/tmp/lab/h1/state.json'; (Get-FsStagedState)['os']['version']
    #>
    [CmdletBinding()]
    param()
    $path = $env:FLEET_SCAN_STAGED_STATE
    if (-not $path) { throw 'FLEET_SCAN_STAGED_STATE is not set: no staged state to read' }
    $cached = Get-Variable -Name FsStagedState -Scope Global -ValueOnly -ErrorAction SilentlyContinue
    if ($null -ne $cached -and $cached['__path'] -eq $path) { return $cached }
    $text = [System.IO.File]::ReadAllText($path)
    $state = ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject $text)
    $state['__path'] = $path
    Set-Variable -Name FsStagedState -Scope Global -Value $state
    $state
}
