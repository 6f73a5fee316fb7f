function Test-FsRegistryKey {
    <#
    .SYNOPSIS
        Staged twin: a key exists when it, or a key below it, is listed under registry.
    .PARAMETER Path
        Registry key path.
    .EXAMPLE
        Test-FsRegistryKey -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    $registry = Get-FsStagedEntry -Section registry
    if ($registry -isnot [System.Collections.IDictionary]) { return $false }
    $key = $Path.TrimEnd('\')
    if ($registry.Contains($key)) {
        $null = Get-FsStagedEntry -Section registry -Key $key
        return $true
    }
    foreach ($k in $registry.Keys) {
        if ($k.StartsWith($key + '\', [System.StringComparison]::OrdinalIgnoreCase)) { return $true }
    }
    $false
}
