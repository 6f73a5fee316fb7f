function Get-FsKnownFolder {
    <#
    .SYNOPSIS
        A well-known Windows folder: ProgramFiles or Windir.
    .PARAMETER Name
        ProgramFiles or Windir.
    .EXAMPLE
        Get-FsKnownFolder -Name Windir   # C:\Windows
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidateSet('ProgramFiles', 'Windir')][string]$Name)
    if ($Name -eq 'ProgramFiles') {
        if ($env:ProgramFiles) { return $env:ProgramFiles.TrimEnd('\') }
        return 'C:\Program Files'
    }
    if ($env:windir) { return $env:windir.TrimEnd('\') }
    'C:\Windows'
}
