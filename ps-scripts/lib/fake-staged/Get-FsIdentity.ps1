function Get-FsIdentity {
    <#
    .SYNOPSIS
        Staged twin: the identity section (user, isAdmin).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsIdentity)['isAdmin']
    #>
    [CmdletBinding()]
    param()
    $identity = Get-FsStagedEntry -Section identity
    if ($null -eq $identity) { throw 'staged state has no identity section' }
    @{ user = [string]$identity['user']; isAdmin = [bool]$identity['isAdmin'] }
}
