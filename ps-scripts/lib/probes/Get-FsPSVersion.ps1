function Get-FsPSVersion {
    <#
    .SYNOPSIS
        The installed Windows PowerShell engine version (what the MARS installer needs), as a string.
    .DESCRIPTION
        Reads PowerShellEngine\PowerShellVersion (3\ then 1\ for 2.0); falls back to $PSVersionTable when
        this session is Windows PowerShell itself. Written in PowerShell 2.0 syntax on purpose.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsPSVersion   # 5.1.17763.1
    #>
    [CmdletBinding()]
    param()
    foreach ($key in @('HKLM:\SOFTWARE\Microsoft\PowerShell\3\PowerShellEngine', 'HKLM:\SOFTWARE\Microsoft\PowerShell\1\PowerShellEngine')) {
        $value = Get-FsRegistryValue -Path $key -Name 'PowerShellVersion'
        if ($value) { return [string]$value }
    }
    $edition = $PSVersionTable['PSEdition']
    if (-not $edition -or $edition -eq 'Desktop') { return $PSVersionTable['PSVersion'].ToString() }
    $null
}
