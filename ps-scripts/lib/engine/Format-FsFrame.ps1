function Format-FsFrame {
    <#
    .SYNOPSIS
        One framed output line: "<marker> <kind> <base64 of the UTF-8 JSON of the value>".
    .DESCRIPTION
        What the controller reads (readFrame in src/runner/frames.ts). The JSON comes from Add-FsJsonText.
    .PARAMETER Marker
        The run's output marker.
    .PARAMETER Kind
        check, report or fleet.
    .PARAMETER Value
        The document to send.
    .EXAMPLE
        Write-Output (Format-FsFrame $marker 'check' $finished)
    #>
    param([string]$Marker, [string]$Kind, $Value)
    $json = New-Object System.Text.StringBuilder
    Add-FsJsonText $json $Value
    $Marker + ' ' + $Kind + ' ' + [System.Convert]::ToBase64String((New-Object System.Text.UTF8Encoding($false)).GetBytes($json.ToString()))
}
