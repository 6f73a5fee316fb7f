BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-ie-file-download (staged probes)' {
    BeforeAll {
        $system = 'Registry::HKEY_USERS\S-1-5-18\Software\Microsoft\Windows\CurrentVersion\Internet Settings\Zones\3'
        $policy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings\Zones\3'
    }

    It 'passes when URL action 1803 is absent' {
        $r = Invoke-FsTestPack -Id 'mars-ie-file-download' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('zone 3 action 1803 absent (default enable)')
    }

    It 'warns when SYSTEM has 1803 = 3 (file download disabled)' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $system '1803' 3
        $r = Invoke-FsTestPack -Id 'mars-ie-file-download' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('zone 3 action 1803 = 3 (SYSTEM profile): disabled')
    }

    It 'lets the policy value override the SYSTEM profile' {
        $s = Get-FsTestState
        Set-FsTestValue $s registry $system '1803' 3
        Set-FsTestValue $s registry $policy '1803' 0
        $r = Invoke-FsTestPack -Id 'mars-ie-file-download' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('zone 3 action 1803 = 0 (policy)')
    }
}
