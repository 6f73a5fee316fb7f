BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'mars-install-dir-attributes (staged probes)' {
    BeforeAll {
        $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent'
        function Remove-FsAgent([hashtable]$State) {
            foreach ($section in @('files', 'dirs')) { foreach ($k in @($State[$section].Keys | Where-Object { $_ -like ($ip + '*') })) { $State[$section].Remove($k) } }
            foreach ($k in @($State.registry.Keys | Where-Object { $_ -like 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup*' -or $_ -like '*Uninstall*' })) { $State.registry.Remove($k) }
        }
    }

    It 'passes when the install folder is a plain directory' {
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('install folder ' + $ip + ' (Setup\InstallPath) attributes Directory')
    }

    It 'fails when the install folder is compressed' {
        $s = Get-FsTestState
        $s.dirs[$ip].attributes = @('Directory', 'Compressed')
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'fail'
        $r.summary | Should -Be 'Install folder is Compressed'
        $r.evidence | Should -Be @('install folder ' + $ip + ' (Setup\InstallPath) attributes Directory, Compressed')
    }

    It 'fails when the install folder is hidden' {
        $s = Get-FsTestState
        $s.dirs[$ip].attributes = @('Directory', 'Hidden')
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('install folder ' + $ip + ' (Setup\InstallPath) attributes Directory, Hidden')
    }

    It 'fails when the folder does not exist yet and C:\Program Files is encrypted, naming the assumed default' {
        $s = Get-FsTestState
        foreach ($section in @('files', 'dirs')) { foreach ($k in @($s[$section].Keys | Where-Object { $_ -like ($ip + '*') })) { $s[$section].Remove($k) } }
        Set-FsTestValue $s registry 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Setup' -Remove
        $s.dirs['C:\Program Files'] = @{ attributes = @('Directory', 'Encrypted') }
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('install folder ' + $ip + ' (assumed: installer default, Setup\InstallPath absent) not created yet; nearest existing ancestor C:\Program Files has Directory, Encrypted')
    }

    It 'install folder planned directly under a drive root (D:\MARS): D:\ reports Hidden and System like every root, and the location passes' {
        $s = Get-FsTestState
        $s.volumes['D:'] = @{ driveType = 3; fileSystem = 'NTFS'; sizeBytes = 1000000000000; freeBytes = 800000000000 }
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s -Vars @{ installPath = 'D:\MARS' }
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('install folder D:\MARS (installPath var) not created yet; nearest existing ancestor D:\ has Hidden, System, Directory', 'D:\ is a drive root: its Hidden, System attributes are those of every root and are not inherited')
    }

    It 'still warns for a Hidden parent that is not a drive root' {
        $s = Get-FsTestState
        $s.dirs['D:\Apps'] = @{ attributes = @('Directory', 'Hidden') }
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s -Vars @{ installPath = 'D:\Apps\MARS' }
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'Install folder parent D:\Apps is Hidden'
    }

    It 'before a rollout (no agent yet) judges the installer''s default folder and says it assumed it' {
        $s = Get-FsTestState
        Remove-FsAgent $s
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'pass'
        $r.evidence[0] | Should -Be ('install folder ' + $ip + ' (assumed: installer default, no agent installed yet) not created yet; nearest existing ancestor C:\Program Files has Directory')
    }

    It 'errors instead of judging the default folder when the agent facts could not be read (Setup key denied)' {
        $s = Get-FsTestState
        $s.registry['HKLM:\SOFTWARE\Microsoft\Windows Azure Backup\Setup'] = @{ error = 'Requested registry access is not allowed.' }
        $r = Invoke-FsTestPack -Id 'mars-install-dir-attributes' -State $s
        $r.status | Should -Be 'error'
        $r.reason | Should -Be 'install path unknown: agent facts unavailable (mars-agent-detect failed) and installPath var not set'
    }
}
