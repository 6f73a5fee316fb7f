function Read-FsEntryPayload {
    <#
    .SYNOPSIS
        Decodes an entry point's payload (base64 of UTF-8 JSON) and insists on its output marker.
    .PARAMETER PayloadBase64
        The payload as the controller sent it.
    .EXAMPLE
        $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64; $marker = [string]$payload['marker']
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$PayloadBase64)
    $payload = ConvertFrom-FsBase64Json -Text $PayloadBase64
    if (-not [string]$payload['marker']) { throw 'payload has no marker' }
    $payload
}
