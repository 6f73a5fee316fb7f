function Reset-FsFixWinHttpProxy {
    <#
    .SYNOPSIS
        Staged twin of netsh winhttp reset proxy: WinHttpSettings becomes the record netsh leaves (flags 1, direct, no strings).
    .PARAMETER None
        This function takes no parameters.
    .EXAMPLE
        Reset-FsFixWinHttpProxy
    #>
    [CmdletBinding()]
    param()
    $values = Get-FsStagedSection -Section registry -Key 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections'
    $values['WinHttpSettings'] = @(0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    Save-FsStagedState
    'WinHTTP proxy reset to direct access'
}
