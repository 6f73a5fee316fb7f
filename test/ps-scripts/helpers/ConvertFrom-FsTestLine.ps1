function ConvertFrom-FsTestLine {
    <#
    .SYNOPSIS
        Parses one framed output line "<marker> <kind> <base64 json>" as the controller does; throws on any other line.
    .DESCRIPTION
        The body is decoded into hashtables; ISO date strings stay strings, as JSON.parse keeps them.
    .PARAMETER Line
        One output line.
    .PARAMETER Marker
        The run's marker.
    .EXAMPLE
        (ConvertFrom-FsTestLine -Line $lines[-1] -Marker $marker).body.results
    #>
    param([string]$Line, [string]$Marker)
    $parts = ([string]$Line).Split(' ')
    if ($parts.Count -ne 3 -or $parts[0] -cne $Marker) { throw ('not a framed line of this run: ' + $Line) }
    $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($parts[2]))
    @{ kind = $parts[1]; body = (ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject $json -DateKind String)) }
}
