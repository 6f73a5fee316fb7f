function Get-FsKnownFolder {
    <#
    .SYNOPSIS
        Staged twin: a staged host is a default Windows install (C:\Program Files, C:\Windows).
    .PARAMETER Name
        ProgramFiles or Windir.
    .EXAMPLE
        Get-FsKnownFolder -Name ProgramFiles
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][ValidateSet('ProgramFiles', 'Windir')][string]$Name)
    if ($Name -eq 'ProgramFiles') { return 'C:\Program Files' }
    'C:\Windows'
}
