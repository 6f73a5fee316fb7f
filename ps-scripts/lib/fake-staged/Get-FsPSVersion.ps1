function Get-FsPSVersion {
    <#
    .SYNOPSIS
        Staged twin: the psVersion string (the host's Windows PowerShell engine version).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsPSVersion   # 5.1.17763.1
    #>
    [CmdletBinding()]
    param()
    $v = Get-FsStagedEntry -Section psVersion
    if ($null -eq $v) { return $null }
    [string]$v
}
