function Get-FsNearestExistingItem {
    <#
    .SYNOPSIS
        Get-FsItemInfo of a path, or of its nearest existing ancestor when the path does not exist yet.
    .PARAMETER Path
        A Windows path.
    .EXAMPLE
        $item = Get-FsNearestExistingItem -Path 'D:\MARS\Scratch'   # item.path may be 'D:\'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    $current = $Path
    while ($current) {
        $info = Get-FsItemInfo -Path $current
        if ($info['exists']) { return $info }
        $current = Get-FsParentPath -Path $current
    }
    $null
}
