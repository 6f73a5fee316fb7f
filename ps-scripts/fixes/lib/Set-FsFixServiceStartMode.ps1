function Set-FsFixServiceStartMode {
    <#
    .SYNOPSIS
        Sets how a Windows service starts (Automatic, Manual).
    .PARAMETER Name
        The service's short name.
    .PARAMETER StartMode
        Automatic or Manual.
    .EXAMPLE
        Set-FsFixServiceStartMode -Name w32time -StartMode Automatic
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name, [Parameter(Mandatory = $true)][ValidateSet('Automatic', 'Manual')][string]$StartMode)
    Set-Service -Name $Name -StartupType $StartMode -ErrorAction Stop -WhatIf:$false -Confirm:$false
    $Name + ' starts ' + $StartMode
}
