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
    # One loop over a stack of the containers still to convert, not a call per node: a fleet payload of
    # 10,000 hosts has some 200,000 nodes, and an advanced function call costs more than the rest of the
    # work. A scalar is never pushed; a container is replaced in its parent once converted.
    $root = @{ value = $InputObject }
    $todo = New-Object System.Collections.Generic.Stack[object]
    $todo.Push(@($root, 'value'))
    while ($todo.Count -gt 0) {
        $slot = $todo.Pop()
        $value = $slot[0][$slot[1]]
        if ($value -is [System.Management.Automation.PSCustomObject]) {
            $table = @{}
            foreach ($property in $value.PSObject.Properties) {
                $item = $property.Value
                $table[$property.Name] = $item
                if ($item -is [System.Management.Automation.PSCustomObject] -or $item -is [System.Collections.IList] -or $item -is [System.Collections.IDictionary]) { $todo.Push(@($table, $property.Name)) }
            }
        } elseif ($value -is [System.Collections.IDictionary]) {
            $table = @{}
            foreach ($key in @($value.Keys)) {
                $item = $value[$key]
                $table[$key] = $item
                if ($item -is [System.Management.Automation.PSCustomObject] -or $item -is [System.Collections.IList] -or $item -is [System.Collections.IDictionary]) { $todo.Push(@($table, $key)) }
            }
        } elseif ($value -is [System.Collections.IList] -and $value -isnot [string]) {
            $table = New-Object object[] $value.Count
            for ($i = 0; $i -lt $table.Length; $i++) {
                $item = $value[$i]
                $table[$i] = $item
                if ($item -is [System.Management.Automation.PSCustomObject] -or $item -is [System.Collections.IList] -or $item -is [System.Collections.IDictionary]) { $todo.Push(@($table, $i)) }
            }
        } else { continue }
        $slot[0][$slot[1]] = $table
    }
    if ($root['value'] -is [array]) { return , $root['value'] }
    $root['value']
}
