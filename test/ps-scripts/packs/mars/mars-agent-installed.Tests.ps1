BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-agent-installed (staged probes)' {
    It 'passes with InstallPath, cbengine.exe, a running obengine and the module folder' {
        $r = Invoke-FsTestPack -Id 'mars-agent-installed' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @(('cbengine.exe at ' + $ip + '\bin'), 'obengine Running', 'MSOnlineBackup module present')
    }

    It 'fails when the obengine service is missing' {
        $s = Get-FsTestState
        $s.services.Remove('obengine')
        $r = Invoke-FsTestPack -Id 'mars-agent-installed' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('obengine service missing')
    }

    It 'warns when obengine is present but stopped' {
        $s = Get-FsTestState
        $s.services.obengine.status = 'Stopped'
        $r = Invoke-FsTestPack -Id 'mars-agent-installed' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'obengine is Stopped'
    }

    It 'errors when mars-agent-detect gave no facts' {
        $r = Invoke-FsTestPack -Id 'mars-agent-installed' -State (Get-FsTestState) -NoFacts
        $r.status | Should -Be 'error'
        $r.reason | Should -BeLike 'agent facts unavailable*'
    }

    It 'before a rollout (phase both, no agent yet) is skipped with the reason "agent not installed yet", not failed' {
        $s = Get-FsTestState -Name 'no-agent-yet'
        $r = Invoke-FsTestPack -Id 'mars-agent-installed' -State $s -Vars @{ phase = 'both' }
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'agent not installed yet'
    }

    It 'fails for a registration run on a host without the agent, naming the missing agent' {
        $r = Invoke-FsTestPack -Id 'mars-agent-installed' -State (Get-FsTestState -Name 'no-agent-yet') -Vars @{ phase = 'registration' }
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'MARS agent not installed'
        $r.evidence | Should -Be @('HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent; phase registration needs an installed agent')
    }
}
