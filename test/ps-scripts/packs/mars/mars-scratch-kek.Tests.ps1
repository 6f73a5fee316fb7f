BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-scratch-kek (staged probes)' {
    BeforeAll {
        $config = 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config'
        $kek = $ip + '\Scratch\OnlineBackup.KEK'
    }

    It 'passes when registered with both ScratchLocation values equal and OnlineBackup.KEK present' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ServiceResourceName 'rsv-files'
        $s.files[$kek] = @{ length = 512; ageDays = 100 }
        $r = Invoke-FsTestPack -Id 'mars-scratch-kek' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain ($kek + ' present')
    }

    It 'fails when registered and OnlineBackup.KEK is missing' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ServiceResourceName 'rsv-files'
        $r = Invoke-FsTestPack -Id 'mars-scratch-kek' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain ('registration present, ' + $kek + ' missing')
    }

    It 'fails when Config and CloudBackupProvider ScratchLocation differ' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry ($config + '\CloudBackupProvider') ScratchLocation 'D:\Scratch'
        $r = Invoke-FsTestPack -Id 'mars-scratch-kek' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain ('Config ' + $ip + '\Scratch <> CloudBackupProvider D:\Scratch')
    }

    It 'fails when the scratch folder is missing' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $config ScratchLocation 'E:\Scratch'
        Set-FsTestValue $s registry ($config + '\CloudBackupProvider') ScratchLocation 'E:\Scratch'
        $r = Invoke-FsTestPack -Id 'mars-scratch-kek' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'E:\Scratch not found'
    }

    It 'is skipped when the agent is not installed' {
        $s = Get-FsTestState
        foreach ($k in @($s.registry.Keys | Where-Object { $_ -like 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup*' })) { $s.registry.Remove($k) }
        $r = Invoke-FsTestPack -Id 'mars-scratch-kek' -State $s
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'agent not installed yet'
    }

    It 'does not take a MachineId alone for a registration, so a fresh install without OnlineBackup.KEK passes' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Config' MachineId '6c0e8e6a-1b2c-4d5e-8f90-123456789abc'
        $r = Invoke-FsTestPack -Id 'mars-scratch-kek' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'registration absent (no ServiceResourceName or ResourceId)'
    }
}
