BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-windows-temp-files (staged probes)' {
    BeforeAll {
        function New-FsTempState($Count) { $s = Get-FsTestState; $s.dirs['C:\Windows\Temp'].count = $Count; $s }
    }

    It 'passes with 120 .tmp files of 400' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('C:\Windows\Temp: 120 .tmp files, 400 files in all')
    }

    It 'fails above 60,000 .tmp files' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (New-FsTempState @{ '*.tmp' = 60001 })
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('C:\Windows\Temp: 60001 .tmp files, 60001 files in all', '60001 .tmp files > 60000')
    }

    It 'fails above 65,000 files in all' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (New-FsTempState @{ '*.tmp' = 10; '*' = 65001 })
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain '65001 files > 65000'
    }

    It 'warns above tmpWarnThreshold (10,000) .tmp files' {
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State (New-FsTempState @{ '*.tmp' = 15000; '*' = 15200 })
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain '15000 .tmp files > 10000'
    }

    It 'errors when the folder cannot be listed (access denied)' {
        $s = Get-FsTestState
        $s.dirs['C:\Windows\Temp'] = @{ error = 'Access to the path C:\Windows\Temp is denied.' }
        $r = Invoke-FsTestPack -Id 'mars-windows-temp-files' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'Access to the path C:\Windows\Temp is denied.'
    }
}
