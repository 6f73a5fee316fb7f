function Get-FsLocalGroupMember {
    <#
    .SYNOPSIS
        Staged twin: localGroups["<sid>"], each member a name (a user) or { name, objectClass }.
    .PARAMETER Sid
        The group SID.
    .EXAMPLE
        Get-FsLocalGroupMember -Sid 'S-1-5-32-544'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Sid)
    $members = @()
    foreach ($m in @(Get-FsStagedEntry -Section localGroups -Key $Sid)) {
        if ($null -eq $m) { continue }
        if ($m -is [System.Collections.IDictionary]) { $members += @{ name = [string]$m['name']; objectClass = [string]$m['objectClass'] } }
        else { $members += @{ name = [string]$m; objectClass = 'User' } }
    }
    $members
}
