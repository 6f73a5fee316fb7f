function Resolve-FsInstallPath {
    <#
    .SYNOPSIS
        The MARS install folder for this host: installPath var, else the registry (agent facts), else the default.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        Resolve-FsInstallPath -Context $Context   # C:\Program Files\Microsoft Azure Recovery Services Agent
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $declared = Resolve-FsVar -Context $Context -Name 'installPath'
    if (Test-FsVarPresent $declared) { return ([string]$declared).TrimEnd('\') }
    $facts = $Context['Facts']
    if ($null -ne $facts -and $facts['installPath']) { return ([string]$facts['installPath']).TrimEnd('\') }
    (Get-FsKnownFolder -Name ProgramFiles) + '\Microsoft Azure Recovery Services Agent'
}
