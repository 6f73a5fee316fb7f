function ConvertTo-FsPackedGuid {
    <#
    .SYNOPSIS
        Converts a product code {GUID} into the packed form Windows Installer uses as registry key name.
    .PARAMETER Guid
        For example '{12345678-ABCD-EF01-2345-6789ABCDEF01}'.
    .EXAMPLE
        ConvertTo-FsPackedGuid '{12345678-ABCD-EF01-2345-6789ABCDEF01}'   # 87654321DCBA10FE32547698BADCFE10
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Guid)
    $hex = ($Guid -replace '[{}-]', '').ToUpperInvariant()
    if ($hex.Length -ne 32) { return $null }
    $reverse = { param($s) $chars = $s.ToCharArray(); [array]::Reverse($chars); -join $chars }
    $packed = (& $reverse $hex.Substring(0, 8)) + (& $reverse $hex.Substring(8, 4)) + (& $reverse $hex.Substring(12, 4))
    for ($i = 16; $i -lt 32; $i += 2) { $packed += $hex.Substring($i + 1, 1) + $hex.Substring($i, 1) }
    $packed
}
