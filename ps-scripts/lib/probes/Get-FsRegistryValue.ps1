function Get-FsRegistryValue {
    <#
    .SYNOPSIS
        Reads one registry value, or every value of a key; $null when the key or value is absent.
    .DESCRIPTION
        Absence is an answer ($null); anything else (access denied, broken hive) throws, so the check
        that asked reports error instead of a wrong pass.
    .PARAMETER Path
        A provider path such as 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' or 'Registry::HKEY_USERS\S-1-5-18\...'.
    .PARAMETER Name
        The value name; without it a hashtable of all values of the key is returned.
    .EXAMPLE
        Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name Release   # 528040
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path, [string]$Name)
    if (-not (Test-Path -LiteralPath $Path)) { return $null }
    $item = Get-ItemProperty -LiteralPath $Path -ErrorAction Stop
    if ($null -eq $item) { return $null }
    if ($Name) {
        $property = $item.PSObject.Properties[$Name]
        if ($null -eq $property) { return $null }
        $value = $property.Value
        if ($value -is [System.Collections.IList] -and $value -isnot [string]) { return $value }
        return $value
    }
    $values = @{}
    foreach ($property in $item.PSObject.Properties) {
        if ($property.Name -notlike 'PS*') { $values[$property.Name] = $property.Value }
    }
    $values
}
