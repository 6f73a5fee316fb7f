function Set-FsFixServiceStartMode {
    <#
    .SYNOPSIS
        Staged twin: services["<name>"].startMode; a service the state lacks fails as Set-Service does.
    .PARAMETER Name
        The service's short name.
    .PARAMETER StartMode
        Automatic or Manual.
    .EXAMPLE
        Set-FsFixServiceStartMode -Name w32time -StartMode Automatic
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name, [Parameter(Mandatory = $true)][ValidateSet('Automatic', 'Manual')][string]$StartMode)
    $services = Get-FsStagedSection -Section services
    if ($services[$Name] -isnot [System.Collections.IDictionary]) { throw ("Service '" + $Name + "' was not found on computer '.'.") }
    $services[$Name]['startMode'] = $StartMode
    Save-FsStagedState
    $Name + ' starts ' + $StartMode
}
