function Get-FsIdentity {
    <#
    .SYNOPSIS
        The account this scan runs as and whether its token holds the Administrators role.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsIdentity   # @{ user='CONTOSO\svc-scan'; isAdmin=$true }
    #>
    [CmdletBinding()]
    param()
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object System.Security.Principal.WindowsPrincipal($identity)
    @{ user = $identity.Name; isAdmin = $principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator) }
}
