function Set-FsTestValue {
    <#
    .SYNOPSIS
        Sets state[section][key][name] in a staged state (creating levels), or removes the key with -Remove.
    .PARAMETER State
        The state to change.
    .PARAMETER Section
        Top-level section, for example registry.
    .PARAMETER Key
        Key inside the section.
    .PARAMETER Name
        Value name inside the key; without it the key itself gets Value.
    .PARAMETER Value
        The new value.
    .PARAMETER Remove
        Remove the key instead.
    .EXAMPLE
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' Release 461808
    #>
    param([hashtable]$State, [string]$Section, [string]$Key, [string]$Name, $Value, [switch]$Remove)
    if (-not $State.Contains($Section) -or $null -eq $State[$Section]) { $State[$Section] = @{} }
    if ($Remove) { $State[$Section].Remove($Key); return }
    if (-not $Name) { $State[$Section][$Key] = $Value; return }
    if (-not $State[$Section].Contains($Key) -or $null -eq $State[$Section][$Key]) { $State[$Section][$Key] = @{} }
    $State[$Section][$Key][$Name] = $Value
}
