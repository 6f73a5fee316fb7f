BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-existing-registration (staged probes)' {
    BeforeAll { $config = 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config' }

    It 'passes when Config has no registration values' {
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('Config has no ServiceResourceName or ResourceId')
    }

    It 'fails when registered to rsv-other while vaultName is rsv-files' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ServiceResourceName 'rsv-other'
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('registered to vault rsv-other, target vault rsv-files')
    }

    It 'warns on re-registration to the same vault (case-insensitive)' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ServiceResourceName 'RSV-Files'
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('registered to vault RSV-Files = target vault rsv-files')
    }

    It 'warns when registered but vaultName is not given' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ServiceResourceName 'rsv-other'
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State $s -Vars @{ vaultName = $null }
        $r.status | Should -Be 'warn'
        $r.reason | Should -Be 'vaultName is not set'
    }

    It 'passes on a freshly installed agent whose Config holds only a MachineId: a machine identity is not a registration' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config MachineId '6c0e8e6a-1b2c-4d5e-8f90-123456789abc'
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('Config has no ServiceResourceName or ResourceId', 'MachineId 6c0e8e6a-1b2c-4d5e-8f90-123456789abc present (machine identity, not proof of a registration)')
    }

    It 'warns on a ResourceId left without a vault name' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ResourceId '8207e6b4-5d0a-4b6f-9a4b-0f1e2d3c4b5a'
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('Config has ResourceId 8207e6b4-5d0a-4b6f-9a4b-0f1e2d3c4b5a but no ServiceResourceName')
    }

    It 'errors, never passes "not registered", when Config cannot be read' {
        $s = Get-FsTestState
        $s.registry[$config] = @{ error = 'Requested registry access is not allowed.' }
        $r = Invoke-FsTestPack -Id 'mars-existing-registration' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'Requested registry access is not allowed.'
    }
}
