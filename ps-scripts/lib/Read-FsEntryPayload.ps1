function Read-FsEntryPayload {
    <#
    .SYNOPSIS
        Decodes an entry point's payload (base64 of UTF-8 JSON) and insists on its output marker.
    .PARAMETER PayloadBase64
        The payload as the controller sent it.
    .PARAMETER Decoded
        The payload already decoded to hashtables (the controller's own pwsh worker decodes large fleet
        payloads with ConvertFrom-Json -AsHashtable, which Windows PowerShell 5.1 lacks); only the marker is checked.
    .EXAMPLE
        $payload = Read-FsEntryPayload -PayloadBase64 $PayloadBase64; $marker = [string]$payload['marker']
    #>
    [CmdletBinding()]
    param([string]$PayloadBase64, [System.Collections.IDictionary]$Decoded)
    $payload = $Decoded
    if ($null -eq $payload) {
        if (-not $PayloadBase64) { throw 'payload is empty' }
        $payload = ConvertFrom-FsBase64Json -Text $PayloadBase64
    }
    if (-not [string]$payload['marker']) { throw 'payload has no marker' }
    $payload
}
