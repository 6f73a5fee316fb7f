BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-agent-detect (staged probes)' {
    It 'returns the agent facts when the agent is installed and running' {
        $r = Invoke-FsTestPack -Id 'mars-agent-detect' -State (Get-FsTestState) -NoFacts
        $r.status | Should -Be 'pass'
        $r.facts.installed | Should -BeTrue
        $r.facts.installPath | Should -Be 'C:\Program Files\Microsoft Azure Recovery Services Agent'
        $r.facts.agentVersion | Should -Be '2.0.9300.0'
        $r.facts.engineServiceStatus | Should -Be 'Running'
        $r.facts.msiProductCode | Should -Be '{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}'
        $r.evidence | Should -Contain 'cbengine.exe version 2.0.9300.0'
    }

    It 'reports a host without the agent root key as not installed, never as a failure' {
        $s = Get-FsTestState
        foreach ($k in @($s.registry.Keys | Where-Object { $_ -like 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup*' })) { $s.registry.Remove($k) }
        $r = Invoke-FsTestPack -Id 'mars-agent-detect' -State $s -NoFacts
        $r.status | Should -Be 'pass'
        $r.summary | Should -Be 'MARS agent not installed'
        $r.facts.installed | Should -BeFalse
        $r.evidence | Should -Contain 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup absent'
    }

    It 'errors with the probe message when the agent registry cannot be read' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Setup' -Value @{ error = 'access denied' }
        $r = Invoke-FsTestPack -Id 'mars-agent-detect' -State $s -NoFacts
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'access denied'
    }
}
