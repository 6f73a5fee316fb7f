function Get-FsService {
    <#
    .SYNOPSIS
        Staged twin: services["<name>"] with status, startMode, displayName; $null if absent.
    .PARAMETER Name
        Service short name.
    .PARAMETER DisplayName
        Display name (matched against the staged displayName values).
    .EXAMPLE
        Get-FsService -Name obengine
    #>
    [CmdletBinding()]
    param([string]$Name, [string]$DisplayName)
    $services = Get-FsStagedEntry -Section services
    if ($services -isnot [System.Collections.IDictionary]) { return $null }
    foreach ($key in @($services.Keys)) {
        $s = Get-FsStagedEntry -Section services -Key $key
        $match = $false
        if ($Name) { $match = [string]::Equals($key, $Name, [System.StringComparison]::OrdinalIgnoreCase) }
        elseif ($DisplayName) { $match = ($s['displayName'] -like $DisplayName) }
        if ($match) { return @{ name = $key; status = [string]$s['status']; startMode = $s['startMode']; displayName = $s['displayName'] } }
    }
    $null
}
