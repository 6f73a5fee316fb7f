function Add-FsJsonText {
    <#
    .SYNOPSIS
        Appends a value as compact JSON to a StringBuilder: what a target writes into every framed line.
    .DESCRIPTION
        Dictionaries become objects (in their own key order), lists, arrays and other collections become arrays (a one-element
        array stays an array), strings are escaped as RFC 8259 asks, numbers are written in the invariant
        culture, a non-finite double is null, a date is ISO 8601 and a PSCustomObject an object of its
        properties. Callers keep dates as ISO strings and enums as strings (Format-FsUtcDate), as with
        ConvertTo-FsJson. A plain function that only appends: the target does not load and compile
        ConvertTo-Json's serializer for the few shapes a result has, and the same code runs on Windows
        PowerShell 5.1 and PowerShell 7. Nesting deeper than 20 levels is written as its string.
    .PARAMETER Builder
        The System.Text.StringBuilder to append to.
    .PARAMETER Value
        The value.
    .PARAMETER Depth
        How deep this value is nested (0 at the top).
    .EXAMPLE
        $sb = New-Object System.Text.StringBuilder; Add-FsJsonText $sb @{ status = 'pass'; evidence = @('ok') }; $sb.ToString()
    #>
    param($Builder, $Value, [int]$Depth = 0)
    if ($null -eq $Value) { $null = $Builder.Append('null'); return }
    if ($Value -is [string] -or $Value -is [char] -or $Depth -gt 20) {
        $text = [string]$Value
        $null = $Builder.Append('"')
        if (-not [regex]::IsMatch($text, '["\\\x00-\x1f]')) { $null = $Builder.Append($text) }
        else {
            foreach ($c in $text.ToCharArray()) {
                $code = [int]$c
                if ($c -eq '"') { $null = $Builder.Append('\"') }
                elseif ($c -eq '\') { $null = $Builder.Append('\\') }
                elseif ($code -eq 10) { $null = $Builder.Append('\n') }
                elseif ($code -eq 13) { $null = $Builder.Append('\r') }
                elseif ($code -eq 9) { $null = $Builder.Append('\t') }
                elseif ($code -lt 32) { $null = $Builder.Append('\u').Append($code.ToString('x4')) }
                else { $null = $Builder.Append($c) }
            }
        }
        $null = $Builder.Append('"')
        return
    }
    if ($Value -is [bool]) { $null = $Builder.Append($(if ($Value) { 'true' } else { 'false' })); return }
    if ($Value -is [System.Collections.IDictionary]) {
        $null = $Builder.Append('{')
        $first = $true
        foreach ($key in $Value.Keys) {
            if (-not $first) { $null = $Builder.Append(',') }
            $first = $false
            Add-FsJsonText $Builder ([string]$key) ($Depth + 1)
            $null = $Builder.Append(':')
            Add-FsJsonText $Builder $Value[$key] ($Depth + 1)
        }
        $null = $Builder.Append('}')
        return
    }
    if ($Value -is [System.Collections.IEnumerable]) {
        $null = $Builder.Append('[')
        $first = $true
        foreach ($item in $Value) {
            if (-not $first) { $null = $Builder.Append(',') }
            $first = $false
            Add-FsJsonText $Builder $item ($Depth + 1)
        }
        $null = $Builder.Append(']')
        return
    }
    $invariant = [System.Globalization.CultureInfo]::InvariantCulture
    if ($Value -is [double] -or $Value -is [single]) {
        if ([double]::IsNaN($Value) -or [double]::IsInfinity($Value)) { $null = $Builder.Append('null') }
        else { $null = $Builder.Append(([double]$Value).ToString('R', $invariant)) }
        return
    }
    if ($Value -is [int] -or $Value -is [long] -or $Value -is [decimal] -or $Value -is [byte] -or $Value -is [int16] -or $Value -is [uint16] -or $Value -is [uint32] -or $Value -is [uint64] -or $Value -is [sbyte]) {
        $null = $Builder.Append($Value.ToString($invariant))
        return
    }
    if ($Value -is [datetime]) { Add-FsJsonText $Builder ($Value.ToString('o', $invariant)) $Depth; return }
    if ($Value -is [System.Management.Automation.PSCustomObject]) {
        $table = [ordered]@{}
        foreach ($p in $Value.PSObject.Properties) { $table[$p.Name] = $p.Value }
        Add-FsJsonText $Builder $table $Depth
        return
    }
    Add-FsJsonText $Builder ([string]$Value) $Depth
}
