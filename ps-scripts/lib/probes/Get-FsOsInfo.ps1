function Get-FsOsInfo {
    <#
    .SYNOPSIS
        Operating system identity: version, build, caption, product type, architecture, installation type.
    .PARAMETER None
        This probe takes no parameters.
    .EXAMPLE
        Get-FsOsInfo   # @{ version='10.0.20348'; productType=3; osArchitecture='64-bit'; installationType='Server'; ... }
    #>
    [CmdletBinding()]
    param()
    $os = Get-CimInstance -ClassName Win32_OperatingSystem -Property Version, BuildNumber, Caption, ProductType, OSArchitecture -ErrorAction Stop
    $installationType = Get-FsRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name InstallationType
    @{
        version          = [string]$os.Version
        buildNumber      = [string]$os.BuildNumber
        caption          = [string]$os.Caption
        productType      = [int]$os.ProductType
        osArchitecture   = [string]$os.OSArchitecture
        installationType = $installationType
    }
}
