BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-windows-temp-files (staged probes)' {
    BeforeAll {
        function New-FsTempState($Count) { $s = Get-FsTestState; $s.dirs['C:\Windows\Temp'].count = $Count; $s }
        $judged = 'the agent runs as SYSTEM; which of the two folders it uses is not documented, so both are judged'
    }

    It 'passes with 120 .tmp files of 400 and no SystemTemp folder' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('C:\Windows\Temp (TEMP of SYSTEM): 120 .tmp files, 400 files in all (long names)', 'C:\Windows\SystemTemp (GetTempPath2 folder of SYSTEM, default) not present', $judged)
    }

    It 'fails above 60,000 .tmp files' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (New-FsTempState @{ '*.tmp' = 60001 })
        $r.status | Should -Be 'fail'
        $r.evidence[0] | Should -Be '60001 .tmp files in C:\Windows\Temp > 60000'
        $r.evidence | Should -Contain 'C:\Windows\Temp (TEMP of SYSTEM): 60001 .tmp files, 60001 files in all (long names)'
    }

    It 'fails above 65,000 files in all' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (New-FsTempState @{ '*.tmp' = 10; '*' = 65001 })
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain '65001 files in C:\Windows\Temp > 65000'
    }

    It 'warns above tmpWarnThreshold (10,000) .tmp files' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (New-FsTempState @{ '*.tmp' = 15000; '*' = 15200 })
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain '15000 .tmp files in C:\Windows\Temp > 10000'
    }

    It 'patched Windows Server 2022: 61,000 .tmp files in C:\Windows\SystemTemp fail though C:\Windows\Temp is clean' {
        $s = Get-FsTestState
        $s.dirs['C:\Windows\SystemTemp'] = @{ count = @{ '*.tmp' = 61000; '*' = 61200 } }
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State $s
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'Temp folder build-up: 61000 .tmp files in C:\Windows\SystemTemp > 60000'
        $r.evidence | Should -Contain 'C:\Windows\Temp (TEMP of SYSTEM): 120 .tmp files, 400 files in all (long names)'
    }

    It 'follows the SystemTemp variable to the folder GetTempPath2 would give SYSTEM' {
        $s = Get-FsTestState
        $s.registry['HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\Environment'] = @{ SystemTemp = 'D:\SysTemp' }
        $s.dirs['D:\SysTemp'] = @{ count = @{ '*.tmp' = 12; '*' = 20 } }
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Contain 'D:\SysTemp (GetTempPath2 folder of SYSTEM, SystemTemp variable): 12 .tmp files, 20 files in all (long names)'
    }

    It 'warns, never passes, when SystemTemp exists but the scanning account may not read it' {
        $s = Get-FsTestState
        $s.dirs['C:\Windows\SystemTemp'] = @{ error = 'Access to the path ''C:\Windows\SystemTemp'' is denied.' }
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'C:\Windows\SystemTemp (GetTempPath2 folder of SYSTEM, default) could not be read: Access to the path ''C:\Windows\SystemTemp'' is denied.'
    }

    It 'errors when C:\Windows\Temp cannot be listed (access denied)' {
        $s = Get-FsTestState
        $s.dirs['C:\Windows\Temp'] = @{ error = 'Access to the path C:\Windows\Temp is denied.' }
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'Access to the path C:\Windows\Temp is denied.'
    }
}
