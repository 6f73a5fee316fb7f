function Resolve-FsAccountSid {
    <#
    .SYNOPSIS
        The SID of an account name as Windows resolves it (DOMAIN\user, a UPN such as user@contoso.com, or a
        bare name); $null when no such account exists. Other failures (no domain controller) throw.
    .DESCRIPTION
        Comparing SIDs is the only reliable way to find an account in a group: names come as DOMAIN\user,
        COMPUTER\user or UPN depending on who asks. Needs the domain to be reachable for domain accounts.
    .PARAMETER Name
        The account name.
    .EXAMPLE
        Resolve-FsAccountSid -Name 'svc-backup@contoso.com'   # S-1-5-21-...-1107
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name)
    try { (New-Object System.Security.Principal.NTAccount($Name)).Translate([System.Security.Principal.SecurityIdentifier]).Value }
    catch {
        # Not found is an answer; anything else (no domain controller reachable) is not.
        if ($_.Exception.GetBaseException().GetType().Name -eq 'IdentityNotMappedException') { return $null }
        throw
    }
}
