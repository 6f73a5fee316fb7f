function ConvertFrom-FsBase64Json {
    <#
    .SYNOPSIS
        Decodes base64 of UTF-8 JSON (the entry point's payload) into nested hashtables.
    .PARAMETER Text
        The base64 text.
    .EXAMPLE
        $payload = ConvertFrom-FsBase64Json -Text $PayloadBase64
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Text)
    $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Text))
    ConvertTo-FsHashtable -InputObject (ConvertFrom-Json -InputObject $json)
}
