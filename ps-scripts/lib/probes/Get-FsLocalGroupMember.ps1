function Get-FsLocalGroupMember {
    <#
    .SYNOPSIS
        Direct members of a local group found by SID (its name is localised): name, object class, SID and how
        the list was read.
    .DESCRIPTION
        Uses Get-LocalGroupMember where it exists (Server 2016 / Windows 10 and later). It throws "Failed to
        compare two elements in the array" when the group holds a member whose SID no longer resolves (an
        account deleted from the domain, a host that left its domain); the ADSI WinNT provider is then used,
        which lists such a member by its SID. Each member: name ('DOMAIN\user', 'COMPUTER\user', or the SID
        text when it cannot be resolved), objectClass (User, Group, or Unknown), sid (text or $null), source
        ('Get-LocalGroupMember', or 'ADSI' with the reason). Reading membership needs no elevation.
    .PARAMETER Sid
        The group SID, for example 'S-1-5-32-544' (Administrators).
    .EXAMPLE
        Get-FsLocalGroupMember -Sid 'S-1-5-32-544'   # @{ name='CONTOSO\svc-backup'; objectClass='User'; sid='S-1-5-21-...'; source='Get-LocalGroupMember' }, ...
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Sid)
    $source = 'ADSI (Get-LocalGroupMember not available)'
    if (Get-Command -Name Get-LocalGroupMember -ErrorAction SilentlyContinue) {
        $listed = $null
        try { $listed = @(Get-LocalGroupMember -SID $Sid -ErrorAction Stop) }
        catch { $source = 'ADSI (Get-LocalGroupMember failed: ' + ($_.Exception.Message -replace '\s*[\r\n]+\s*', ' ').Trim() + ')' }
        if ($null -ne $listed) {
            return @(foreach ($m in $listed) {
                $memberSid = $null
                if ($null -ne $m.SID) { $memberSid = [string]$m.SID }
                @{ name = [string]$m.Name; objectClass = [string]$m.ObjectClass; sid = $memberSid; source = 'Get-LocalGroupMember' }
            })
        }
    }
    foreach ($m in @(Get-FsAdsiGroupMember -Sid $Sid)) {
        $path = [string]$m['adsPath'] -replace '^WinNT://', ''
        $parts = @($path.Split('/') | Where-Object { $_ })
        $name = $path
        $class = [string]$m['class']
        if ($parts.Count -eq 1 -and $parts[0] -match '^S-1-') {
            # An orphaned member: ADSI can only give its SID.
            $class = 'Unknown'
        } elseif ($parts.Count -ge 2) {
            # WinNT://DOMAIN/user, and for a local account WinNT://DOMAIN-or-WORKGROUP/COMPUTER/user.
            $name = $parts[$parts.Count - 2] + '\' + $parts[$parts.Count - 1]
        }
        @{ name = $name; objectClass = $class; sid = $m['sid']; source = $source }
    }
}
