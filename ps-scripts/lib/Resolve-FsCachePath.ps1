function Resolve-FsCachePath {
    <#
    .SYNOPSIS
        The MARS cache (scratch) folder: cacheLocation var, else Config\ScratchLocation, else <InstallPath>\Scratch.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        Resolve-FsCachePath -Context $Context
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $declared = Resolve-FsVar -Context $Context -Name 'cacheLocation'
    if (Test-FsVarPresent $declared) { return ([string]$declared).TrimEnd('\') }
    $facts = $Context['Facts']
    if ($null -ne $facts -and $facts['scratchLocation']) { return ([string]$facts['scratchLocation']).TrimEnd('\') }
    (Resolve-FsInstallPath -Context $Context) + '\Scratch'
}
