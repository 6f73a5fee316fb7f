BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-azure-tools-cert (staged probes)' {
    It 'passes without a Windows Azure Tools certificate' {
        $r = Invoke-FsTestPack -Id 'mars-azure-tools-cert' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('1 certificates in LocalMachine\My, none with CN=Windows Azure Tools')
    }

    It 'warns when LocalMachine\My holds CN=Windows Azure Tools' {
        $s = Get-FsTestState
        $s.certs['LocalMachine\My'] = @(@{ subject = 'CN=Windows Azure Tools'; thumbprint = 'AB12CD34' })
        $r = Invoke-FsTestPack -Id 'mars-azure-tools-cert' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('LocalMachine\My: CN=Windows Azure Tools (thumbprint AB12CD34)')
    }
}
