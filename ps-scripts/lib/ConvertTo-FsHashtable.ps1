function ConvertTo-FsHashtable {
    <#
    .SYNOPSIS
        Turns ConvertFrom-Json output into nested hashtables and arrays.
    .DESCRIPTION
        Windows PowerShell 5.1 has no ConvertFrom-Json -AsHashtable. Hashtables also keep checks
        StrictMode-safe: a missing key reads as $null where a missing property would throw.
    .PARAMETER InputObject
        An object from ConvertFrom-Json.
    .EXAMPLE
        $vars = ConvertTo-FsHashtable -InputObject (ConvertFrom-Json '{"vaultName":"rsv-files"}')
    #>
    [CmdletBinding()]
    param([AllowNull()]$InputObject)
    if ($null -eq $InputObject) { return $null }
    if ($InputObject -is [System.Management.Automation.PSCustomObject]) {
        $table = @{}
        foreach ($property in $InputObject.PSObject.Properties) {
            $table[$property.Name] = ConvertTo-FsHashtable -InputObject $property.Value
        }
        return $table
    }
    if ($InputObject -is [System.Collections.IDictionary]) {
        $table = @{}
        foreach ($key in @($InputObject.Keys)) { $table[$key] = ConvertTo-FsHashtable -InputObject $InputObject[$key] }
        return $table
    }
    if ($InputObject -is [System.Collections.IList] -and $InputObject -isnot [string]) {
        $items = @(foreach ($item in $InputObject) { , (ConvertTo-FsHashtable -InputObject $item) })
        return , $items
    }
    $InputObject
}
