function ConvertTo-FsBase64Json {
    <#
    .SYNOPSIS
        Serialises a value as base64 of UTF-8 JSON, the form every framed output line carries.
    .PARAMETER InputObject
        The value to send.
    .EXAMPLE
        "$marker check " + (ConvertTo-FsBase64Json -InputObject $result)
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][AllowNull()]$InputObject)
    $json = ConvertTo-FsJson -InputObject $InputObject
    [System.Convert]::ToBase64String((New-Object System.Text.UTF8Encoding($false)).GetBytes($json))
}
