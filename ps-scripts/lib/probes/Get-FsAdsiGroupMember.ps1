function Get-FsAdsiGroupMember {
    <#
    .SYNOPSIS
        The raw members of a local group through the ADSI WinNT provider: ADsPath, class and SID of each.
    .DESCRIPTION
        Wraps the COM calls (which Pester cannot mock) for Get-FsLocalGroupMember. A member whose SID no longer
        resolves has the ADsPath WinNT://S-1-5-21-...; a local account has WinNT://DOMAIN/COMPUTER/user.
    .PARAMETER Sid
        The group SID.
    .EXAMPLE
        Get-FsAdsiGroupMember -Sid 'S-1-5-32-544'   # @{ adsPath='WinNT://CONTOSO/svc-backup'; class='User'; sid='S-1-5-21-...' }
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Sid)
    $account = (New-Object System.Security.Principal.SecurityIdentifier($Sid)).Translate([System.Security.Principal.NTAccount]).Value
    $groupName = $account.Split('\')[-1]
    $group = [ADSI]('WinNT://' + $env:COMPUTERNAME + '/' + $groupName + ',group')
    foreach ($m in @($group.Invoke('Members'))) {
        $type = $m.GetType()
        $memberSid = $null
        try {
            $bytes = [byte[]]$type.InvokeMember('objectSid', 'GetProperty', $null, $m, $null)
            $memberSid = (New-Object System.Security.Principal.SecurityIdentifier($bytes, 0)).Value
        } catch { $null = $_ }
        @{ adsPath = [string]$type.InvokeMember('ADsPath', 'GetProperty', $null, $m, $null); class = [string]$type.InvokeMember('Class', 'GetProperty', $null, $m, $null); sid = $memberSid }
    }
}
