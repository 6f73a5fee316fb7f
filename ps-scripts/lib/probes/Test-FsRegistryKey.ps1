function Test-FsRegistryKey {
    <#
    .SYNOPSIS
        Tells whether a registry key exists.
    .PARAMETER Path
        A provider path such as 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup'.
    .EXAMPLE
        Test-FsRegistryKey -Path 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup'   # True
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    [bool](Test-Path -LiteralPath $Path)
}
