<#
.SYNOPSIS
    mars-local-admin: the installing/registering account is a local administrator.
.DESCRIPTION
    Fails when the scanning session is not elevated as an administrator, or when installAccount is set and
    not in the local Administrators group (found by SID S-1-5-32-544). installAccount is resolved to a SID
    (DOMAIN\user, UPN or bare name) and compared with the members' SIDs; without a SID, an exact
    DOMAIN\user name passes and a user-part match (bare name, UPN) warns. Members come from
    Get-LocalGroupMember, or ADSI when an orphaned SID breaks it. Warns when the account may be a member only
    through a domain group, which cannot be proven locally.
.PARAMETER Context
    Cloud, Vars, ControllerUtc and Facts of this host.
.EXAMPLE
    Test-MarsLocalAdmin -Context $context
#>
$FsCheckMetadata = @'
{
  "id": "mars-local-admin",
  "title": "Installing account is a local administrator",
  "failure": "Installing account not a local administrator",
  "phase": "both",
  "clouds": ["public", "china", "usgov"],
  "severity": "fail",
  "kind": "host",
  "description": "MARS setup and registration need local administrator rights. Checks the scanning session's token and, when installAccount is given, membership of the local Administrators group (S-1-5-32-544).",
  "remediation": "Run setup and registration with an account that is in the local Administrators group, or add the account to the group.",
  "source": "https://learn.microsoft.com/azure/backup/install-mars-agent",
  "tags": ["identity", "prerequisite"],
  "requires": []
}
'@

function Test-MarsLocalAdmin {
    param($Context)
    $identity = Get-FsIdentity
    if (-not $identity['isAdmin']) {
        return New-FsCheckResult -Status fail -Summary ('Session user ' + $identity['user'] + ' is not a local administrator') `
            -Evidence @('user ' + $identity['user'] + ': token not in Administrators (S-1-5-32-544)')
    }
    $evidence = @('user ' + $identity['user'] + ': token in Administrators')
    $account = [string](Resolve-FsVar -Context $Context -Name 'installAccount')
    if (-not (Test-FsVarPresent $account)) {
        return New-FsCheckResult -Status pass -Summary ('Session user ' + $identity['user'] + ' is a local administrator') -Evidence ($evidence + @('installAccount not set: the scanning account is the installing account'))
    }
    $members = @(Get-FsLocalGroupMember -Sid 'S-1-5-32-544')
    $names = @($members | ForEach-Object { $_['name'] })
    $memberText = 'Administrators members (' + $(if ($members.Count) { $members[0]['source'] } else { 'none listed' }) + '): ' + $(if ($names.Count) { $names -join ', ' } else { '(none)' })
    $sid = $null
    $sidLine = $null
    $sidFailed = $false
    try { $sid = Resolve-FsAccountSid -Name $account }
    catch {
        $sidFailed = $true
        $sidLine = 'installAccount ' + $account + ' could not be resolved to a SID: ' + $_.Exception.GetBaseException().Message
    }
    if ($sid) {
        $sidLine = 'installAccount ' + $account + ' is ' + $sid
        $match = @($members | Where-Object { $_['sid'] -eq $sid })
        if ($match.Count) {
            return New-FsCheckResult -Status pass -Summary ('installAccount ' + $account + ' is a local administrator') `
                -Evidence ($evidence + @($sidLine, ('direct member of Administrators as ' + $match[0]['name'])))
        }
    } elseif (-not $sidLine) { $sidLine = 'installAccount ' + $account + ' does not resolve to a SID on this host' }
    # Without a SID match, names decide: DOMAIN\user exactly, or the user part of a bare name or a UPN.
    $leaf = $account
    $kind = 'name'
    if ($account.IndexOf('\') -ge 0) { $leaf = $null }
    elseif ($account.IndexOf('@') -ge 0) { $leaf = $account.Split('@')[0]; $kind = 'UPN' }
    # A member whose SID is known and differs is another account of the same name (a deleted and recreated user).
    $comparable = @($members | Where-Object { -not $sid -or -not $_['sid'] })
    $exact = @($comparable | Where-Object { [string]::Equals($_['name'], $account, [System.StringComparison]::OrdinalIgnoreCase) })
    if ($exact.Count -and $sidFailed) {
        # The name is in the group, but without its SID a deleted and recreated account cannot be told apart.
        return New-FsCheckResult -Status warn -Summary ('installAccount ' + $account + ' is listed in Administrators; its SID could not be checked') `
            -Evidence ($evidence + @($sidLine, ('direct member of Administrators by name ' + $exact[0]['name'] + ' (' + $exact[0]['source'] + ')'))) `
            -Reason 'the account could not be resolved to a SID'
    }
    if ($exact.Count) {
        return New-FsCheckResult -Status pass -Summary ('installAccount ' + $account + ' is a local administrator') `
            -Evidence ($evidence + @($sidLine, ('direct member of Administrators by name ' + $exact[0]['name'] + ' (' + $exact[0]['source'] + ')')))
    }
    $byLeaf = @()
    if ($leaf) { $byLeaf = @($comparable | Where-Object { [string]::Equals($_['name'].Split('\')[-1], $leaf, [System.StringComparison]::OrdinalIgnoreCase) }) }
    if ($byLeaf.Count) {
        return New-FsCheckResult -Status warn -Summary ('installAccount ' + $account + ' probably is a local administrator') `
            -Evidence ($evidence + @($sidLine, ('the user part of the ' + $kind + ' matches member ' + $byLeaf[0]['name'] + '; without a SID match the domain cannot be confirmed'))) `
            -Reason 'matched by user name only'
    }
    $unknown = @($members | Where-Object { $_['objectClass'] -eq 'Unknown' } | ForEach-Object { $_['name'] })
    $domainGroups = @($members | Where-Object { $_['objectClass'] -eq 'Group' -and $_['name'] -match '\\' -and $_['name'] -notmatch '^(BUILTIN|NT AUTHORITY)\\' } | ForEach-Object { $_['name'] })
    $extra = @()
    if ($unknown.Count) { $extra += ('members with unresolvable SIDs: ' + ($unknown -join ', ')) }
    if ($domainGroups.Count) {
        return New-FsCheckResult -Status warn -Summary ('Membership of installAccount ' + $account + ' in Administrators cannot be proven') `
            -Evidence ($evidence + @($sidLine, ('installAccount ' + $account + ' is not a direct member'), ('possible membership through domain group(s): ' + ($domainGroups -join ', ')), $memberText) + $extra) `
            -Reason 'nested domain group membership cannot be resolved on the host'
    }
    New-FsCheckResult -Status fail -Summary ('installAccount ' + $account + ' is not a local administrator') `
        -Evidence ($evidence + @($sidLine, ('installAccount ' + $account + ' not in Administrators'), $memberText) + $extra)
}

Register-FsCheck -Metadata $FsCheckMetadata -Function 'Test-MarsLocalAdmin'
