function ConvertTo-FsJson {
    <#
    .SYNOPSIS
        Serialises a value to compact JSON the same way on Windows PowerShell 5.1 and PowerShell 7.
    .DESCRIPTION
        Always passes -Depth (5.1 defaults to 2 and silently truncates) and -InputObject (so a
        one-element array stays an array). Callers keep dates as ISO strings and enums as strings.
    .PARAMETER InputObject
        The value to serialise.
    .EXAMPLE
        ConvertTo-FsJson -InputObject @{ status = 'pass'; evidence = @('ok') }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowNull()]$InputObject)
    ConvertTo-Json -InputObject $InputObject -Depth 10 -Compress -WarningAction SilentlyContinue
}
