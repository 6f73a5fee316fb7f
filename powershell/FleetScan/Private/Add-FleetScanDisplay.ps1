function Add-FleetScanDisplay {
    <#
    .SYNOPSIS
        Gives an object the properties the console shows by default (Format-List * still shows them all); passes it on.
    .PARAMETER InputObject
        The object.
    .PARAMETER Property
        The property names to show by default.
    .EXAMPLE
        Add-FleetScanDisplay -InputObject $finding -Property Host, CheckId, Status, Summary
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$InputObject, [Parameter(Mandatory = $true)][string[]]$Property)
    $display = New-Object System.Management.Automation.PSPropertySet('DefaultDisplayPropertySet', $Property)
    $InputObject | Add-Member -MemberType MemberSet -Name PSStandardMembers -Value ([System.Management.Automation.PSMemberInfo[]]@($display)) -Force
    $InputObject
}
