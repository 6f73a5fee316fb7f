BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-local-admin (staged probes)' {
    BeforeAll {
        $backupSid = 'S-1-5-21-1004336348-1177238915-682003330-1107'
        $orphan = 'S-1-5-21-1004336348-1177238915-682003330-1433'
    }

    It 'passes when the session token is an administrator and no installAccount is given' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('user CONTOSO\svc-scan: token in Administrators', 'installAccount not set: the scanning account is the installing account')
    }

    It 'passes when installAccount is a direct member of Administrators (S-1-5-32-544) by name' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState) -Vars @{ installAccount = 'CONTOSO\svc-backup' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'direct member of Administrators by name CONTOSO\svc-backup (Get-LocalGroupMember)'
    }

    It 'passes an installAccount given as a UPN by its SID, which plain names could never match' {
        $s = Get-FsTestState
        $s.localGroups['S-1-5-32-544'] = @('FS01\Administrator', @{ name = 'CONTOSO\svc-backup'; objectClass = 'User'; sid = $backupSid })
        $s.accounts = @{ 'svc-backup@contoso.com' = $backupSid }
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s -Vars @{ installAccount = 'svc-backup@contoso.com' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain ('installAccount svc-backup@contoso.com is ' + $backupSid)
        $r.evidence | Should -Contain 'direct member of Administrators as CONTOSO\svc-backup'
    }

    It 'warns, not passes, when a UPN matches a member only by its user part (the SID does not resolve)' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState) -Vars @{ installAccount = 'svc-backup@contoso.com' }
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'installAccount svc-backup@contoso.com probably is a local administrator'
    }

    It 'Administrators holding an orphaned SID: the members still come (through ADSI) and the account is found' {
        $s = Get-FsTestState
        $s.localGroups['S-1-5-32-544'] = @(@{ name = 'FS01\Administrator'; objectClass = 'User' }, @{ name = 'CONTOSO\svc-backup'; objectClass = 'User'; sid = $backupSid }, @{ name = $orphan; objectClass = 'Unknown'; sid = $orphan })
        $s.accounts = @{ 'CONTOSO\svc-backup' = $backupSid }
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s -Vars @{ installAccount = 'CONTOSO\svc-backup' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'direct member of Administrators as CONTOSO\svc-backup'
    }

    It 'names the orphaned SID and the ADSI fallback when the account is not a member' {
        $s = Get-FsTestState
        $s.localGroups['S-1-5-32-544'] = @(@{ name = 'FS01\Administrator'; objectClass = 'User' }, @{ name = $orphan; objectClass = 'Unknown'; sid = $orphan })
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s -Vars @{ installAccount = 'CONTOSO\svc-other' }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain ('Administrators members (ADSI (Get-LocalGroupMember failed: Failed to compare two elements in the array.)): FS01\Administrator, ' + $orphan)
        $r.evidence | Should -Contain ('members with unresolvable SIDs: ' + $orphan)
    }

    It 'does not count a member of the same name whose SID differs (a deleted and recreated account)' {
        $s = Get-FsTestState
        $s.localGroups['S-1-5-32-544'] = @(@{ name = 'CONTOSO\svc-backup'; objectClass = 'User'; sid = 'S-1-5-21-1004336348-1177238915-682003330-1999' })
        $s.accounts = @{ 'CONTOSO\svc-backup' = $backupSid }
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s -Vars @{ installAccount = 'CONTOSO\svc-backup' }
        $r.status | Should -Be 'fail'
    }

    It 'warns instead of passing a name match when the domain cannot be asked for the SID' {
        $s = Get-FsTestState
        $s.accounts = @{ 'CONTOSO\svc-backup' = @{ error = 'The trust relationship between this workstation and the primary domain failed.' } }
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s -Vars @{ installAccount = 'CONTOSO\svc-backup' }
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'installAccount CONTOSO\svc-backup could not be resolved to a SID: The trust relationship between this workstation and the primary domain failed.'
    }

    It 'fails when the session token is not an administrator' {
        $s = Get-FsTestState
        $s.identity.isAdmin = $false
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('user CONTOSO\svc-scan: token not in Administrators (S-1-5-32-544)')
    }

    It 'fails when installAccount is absent from the group and no domain group could hold it' {
        $s = Get-FsTestState
        $s.localGroups['S-1-5-32-544'] = @('FS01\Administrator', 'CONTOSO\svc-scan')
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State $s -Vars @{ installAccount = 'CONTOSO\svc-other' }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'installAccount CONTOSO\svc-other not in Administrators'
        $r.evidence | Should -Contain 'Administrators members (Get-LocalGroupMember): FS01\Administrator, CONTOSO\svc-scan'
    }

    It 'warns when installAccount may be a member only through a domain group' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState) -Vars @{ installAccount = 'CONTOSO\svc-other' }
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'possible membership through domain group(s): CONTOSO\Domain Admins'
    }
}
