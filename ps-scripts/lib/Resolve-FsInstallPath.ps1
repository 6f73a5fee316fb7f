function Resolve-FsInstallPath {
    <#
    .SYNOPSIS
        The MARS install folder for this host and where that answer came from: the installPath var, the
        agent's Setup\InstallPath (agent facts), or the installer's default when no agent is installed yet.
    .DESCRIPTION
        Answers @{ path; source }, source being one evidence-ready phrase ('installPath var',
        'Setup\InstallPath', 'assumed: installer default, no agent installed yet', 'assumed: installer
        default, Setup\InstallPath absent'). Throws when neither the var nor the agent facts are available
        (mars-agent-detect could not read the registry): a check must not judge a folder it only guessed.
    .PARAMETER Context
        The check context.
    .EXAMPLE
        (Resolve-FsInstallPath -Context $Context)['path']   # C:\Program Files\Microsoft Azure Recovery Services Agent
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$Context)
    $declared = Resolve-FsVar -Context $Context -Name 'installPath'
    if (Test-FsVarPresent $declared) { return @{ path = ([string]$declared).TrimEnd('\'); source = 'installPath var' } }
    $facts = $Context['Facts']
    if ($null -eq $facts -or -not $facts.Contains('installed')) {
        throw 'install path unknown: agent facts unavailable (mars-agent-detect failed) and installPath var not set'
    }
    if ($facts['installPath']) { return @{ path = ([string]$facts['installPath']).TrimEnd('\'); source = 'Setup\InstallPath' } }
    $default = (Get-FsKnownFolder -Name ProgramFiles) + '\Microsoft Azure Recovery Services Agent'
    if ($facts['installed']) { return @{ path = $default; source = 'assumed: installer default, Setup\InstallPath absent' } }
    @{ path = $default; source = 'assumed: installer default, no agent installed yet' }
}
