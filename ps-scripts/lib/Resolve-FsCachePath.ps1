function Resolve-FsCachePath {
    <#
    .SYNOPSIS
        The MARS cache (scratch) folder and where that answer came from: the cacheLocation var,
        Config\ScratchLocation (agent facts), or <install folder>\Scratch.
    .DESCRIPTION
        Answers @{ path; source }. The fallback names both assumptions ('assumed: <install folder>\Scratch,
        Config\ScratchLocation absent; install path from ...'). Throws, like Resolve-FsInstallPath, when the
        agent facts are unavailable and no var decides.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        (Resolve-FsCachePath -Context $Context)['path']
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $declared = Resolve-FsVar -Context $Context -Name 'cacheLocation'
    if (Test-FsVarPresent $declared) { return @{ path = ([string]$declared).TrimEnd('\'); source = 'cacheLocation var' } }
    $facts = $Context['Facts']
    if ($null -ne $facts -and $facts['scratchLocation']) { return @{ path = ([string]$facts['scratchLocation']).TrimEnd('\'); source = 'Config\ScratchLocation' } }
    $install = Resolve-FsInstallPath -Context $Context
    $why = 'Config\ScratchLocation absent'
    if ($null -eq $facts) { $why = 'agent facts unavailable' }
    elseif (-not $facts['installed']) { $why = 'no agent installed yet' }
    @{ path = ($install['path'] + '\Scratch'); source = ('assumed: <install folder>\Scratch, ' + $why + '; install folder from ' + $install['source']) }
}
