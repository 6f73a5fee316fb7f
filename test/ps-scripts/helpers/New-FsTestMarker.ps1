function New-FsTestMarker {
    <#
    .SYNOPSIS
        A fresh output marker of the controller's form: a record separator, FS- and 16 hex digits.
    .EXAMPLE
        $marker = New-FsTestMarker
    #>
    param()
    [string][char]0x1e + 'FS-' + ([guid]::NewGuid().ToString('N').Substring(0, 16))
}
