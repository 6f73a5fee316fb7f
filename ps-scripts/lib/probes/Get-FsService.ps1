function Get-FsService {
    <#
    .SYNOPSIS
        One Windows service by name or display name: name, status, start mode, display name; $null if absent.
    .PARAMETER Name
        Service short name, for example 'obengine'.
    .PARAMETER DisplayName
        Display name, used when the short name is not documented.
    .EXAMPLE
        Get-FsService -Name obengine   # @{ name='obengine'; status='Running'; startMode='Manual'; ... }
    #>
    [CmdletBinding()]
    param([string]$Name, [string]$DisplayName)
    if ($Name) { $service = Get-Service -Name $Name -ErrorAction SilentlyContinue }
    else { $service = Get-Service -DisplayName $DisplayName -ErrorAction SilentlyContinue }
    $service = @($service) | Select-Object -First 1
    if ($null -eq $service) { return $null }
    $startMode = $null
    $startType = $service.PSObject.Properties['StartType']
    if ($startType) { $startMode = [string]$startType.Value }
    @{ name = [string]$service.Name; status = $service.Status.ToString(); startMode = $startMode; displayName = [string]$service.DisplayName }
}
