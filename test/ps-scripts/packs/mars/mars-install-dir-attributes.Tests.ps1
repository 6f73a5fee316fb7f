BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-install-dir-attributes (staged probes)' {
    BeforeAll { $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

    It 'passes when the install folder is a plain directory' {
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @($ip + ' attributes Directory')
    }

    It 'fails when the install folder is compressed' {
        $s = Get-FsTestState
        $s.dirs[$ip].attributes = @('Directory', 'Compressed')
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'Install folder is Compressed'
        $r.evidence | Should -Be @($ip + ' attributes Directory, Compressed')
    }

    It 'fails when the install folder is hidden' {
        $s = Get-FsTestState
        $s.dirs[$ip].attributes = @('Directory', 'Hidden')
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @($ip + ' attributes Directory, Hidden')
    }

    It 'fails when the folder does not exist yet and C:\Program Files is encrypted' {
        $s = Get-FsTestState
        foreach ($section in @('files', 'dirs')) { foreach ($k in @($s[$section].Keys | Where-Object { $_ -like ($ip + '*') })) { $s[$section].Remove($k) } }
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Setup' -Remove
        $s.dirs['C:\Program Files'] = @{ attributes = @('Directory', 'Encrypted') }
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @($ip + ' not created yet; nearest existing ancestor C:\Program Files has Directory, Encrypted')
    }
}
