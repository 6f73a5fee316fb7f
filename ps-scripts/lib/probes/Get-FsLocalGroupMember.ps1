function Get-FsLocalGroupMember {
    <#
    .SYNOPSIS
        Direct members of a local group found by SID (the name is localised): name and object class.
    .DESCRIPTION
        Uses Get-LocalGroupMember where it exists (Server 2016 / Windows 10 and later), else the ADSI
        WinNT provider. Reading membership needs no elevation.
    .PARAMETER Sid
        The group SID, for example 'S-1-5-32-544' (Administrators).
    .EXAMPLE
        Get-FsLocalGroupMember -Sid 'S-1-5-32-544'   # @{ name='CONTOSO\svc-backup'; objectClass='User' }, ...
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Sid)
    $members = @()
    if (Get-Command -Name Get-LocalGroupMember -ErrorAction SilentlyContinue) {
        foreach ($m in @(Get-LocalGroupMember -SID $Sid -ErrorAction Stop)) {
            $members += @{ name = [string]$m.Name; objectClass = [string]$m.ObjectClass }
        }
        return $members
    }
    $account = (New-Object System.Security.Principal.SecurityIdentifier($Sid)).Translate([System.Security.Principal.NTAccount]).Value
    $groupName = $account.Split('\')[-1]
    $group = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $groupName + ',group')
    foreach ($m in @($group.Invoke('Members'))) {
        $path = [string]$m.GetType().InvokeMember('ADsPath', 'GetProperty', $null, $m, $null)
        $class = [string]$m.GetType().InvokeMember('Class', 'GetProperty', $null, $m, $null)
        # WinNT://DOMAIN/user -> DOMAIN\user
        $members += @{ name = ($path -replace '^WinNT://', '' -replace '/', '\'); objectClass = $class }
    }
    $members
}
