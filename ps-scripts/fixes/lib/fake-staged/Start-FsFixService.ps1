function Start-FsFixService {
    <#
    .SYNOPSIS
        Staged twin: services["<name>"].status becomes Running; a service the state lacks fails as Start-Service does.
    .DESCRIPTION
        The Windows Time service of a staged host lives in the clock section (w32timeStatus), as its probe
        reads it there; starting w32time changes that entry.
    .PARAMETER Name
        The service's short name.
    .EXAMPLE
        Start-FsFixService -Name obengine   # obengine Running
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name)
    if ($Name -eq 'w32time') { (Get-FsStagedSection -Section clock)['w32timeStatus'] = 'Running' }
    else {
        $services = Get-FsStagedSection -Section services
        if ($services[$Name] -isnot [System.Collections.IDictionary]) { throw ("Cannot find any service with service name '" + $Name + "'.") }
        $services[$Name]['status'] = 'Running'
    }
    Save-FsStagedState
    $Name + ' Running'
}
