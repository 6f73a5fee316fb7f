function Start-FsFixService {
    <#
    .SYNOPSIS
        Starts a Windows service and says in which state it ended.
    .PARAMETER Name
        The service's short name.
    .EXAMPLE
        Start-FsFixService -Name obengine   # obengine Running
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name)
    Start-Service -Name $Name -ErrorAction Stop -WhatIf:$false -Confirm:$false
    $Name + ' ' + (Get-Service -Name $Name).Status
}
