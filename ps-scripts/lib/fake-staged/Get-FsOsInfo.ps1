function Get-FsOsInfo {
    <#
    .SYNOPSIS
        Staged twin: the os section (version, buildNumber, caption, productType, osArchitecture, installationType).
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        (Get-FsOsInfo)['version']
    #>
    [CmdletBinding()]
    param()
    $os = Get-FsStagedEntry -Section os
    if ($null -eq $os) { throw 'staged state has no os section' }
    $build = $os['buildNumber']
    if (-not $build -and $os['version']) { $build = ([string]$os['version']).Split('.')[-1] }
    @{
        version          = [string]$os['version']
        buildNumber      = [string]$build
        caption          = [string]$os['caption']
        productType      = [int]$os['productType']
        osArchitecture   = [string]$os['osArchitecture']
        installationType = $os['installationType']
    }
}
