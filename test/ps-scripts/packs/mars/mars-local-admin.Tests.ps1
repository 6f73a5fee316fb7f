BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-local-admin (staged probes)' {
    It 'passes when the session token is an administrator and no installAccount is given' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('user CONTOSO\svc-scan: token in Administrators')
    }

    It 'passes when installAccount is a direct member of Administrators (S-1-5-32-544)' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState) -Vars @{ installAccount = 'CONTOSO\svc-backup' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'installAccount CONTOSO\svc-backup is a direct member of Administrators'
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
        $r.evidence | Should -Contain 'Administrators members: FS01\Administrator, CONTOSO\svc-scan'
    }

    It 'warns when installAccount may be a member only through a domain group' {
        $r = Invoke-FsTestPack -Id 'mars-local-admin' -State (Get-FsTestState) -Vars @{ installAccount = 'CONTOSO\svc-other' }
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'possible membership through domain group(s): CONTOSO\Domain Admins'
    }
}
