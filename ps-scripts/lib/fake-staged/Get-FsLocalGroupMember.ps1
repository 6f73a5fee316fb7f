function Get-FsLocalGroupMember {
    <#
    .SYNOPSIS
        Staged twin: localGroups["<sid>"], each member a name (a user) or { name, objectClass, sid }.
    .DESCRIPTION
        A member with objectClass Unknown (its name is its SID) stands for an orphaned SID: the real probe then
        reads the group through ADSI because Get-LocalGroupMember fails, and every member says so in source.
    .PARAMETER Sid
        The group SID.
    .EXAMPLE
        Get-FsLocalGroupMember -Sid 'S-1-5-32-544'
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Sid)
    $staged = @(Get-FsStagedEntry -Section localGroups -Key $Sid | Where-Object { $null -ne $_ })
    $members = @(foreach ($m in $staged) {
        if ($m -is [System.Collections.IDictionary]) { @{ name = [string]$m['name']; objectClass = [string]$m['objectClass']; sid = $m['sid']; source = 'Get-LocalGroupMember' } }
        else { @{ name = [string]$m; objectClass = 'User'; sid = $null; source = 'Get-LocalGroupMember' } }
    })
    if (@($members | Where-Object { $_['objectClass'] -eq 'Unknown' }).Count) {
        foreach ($m in $members) { $m['source'] = 'ADSI (Get-LocalGroupMember failed: Failed to compare two elements in the array.)' }
    }
    $members
}
