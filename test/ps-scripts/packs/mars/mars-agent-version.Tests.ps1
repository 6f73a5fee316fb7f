BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-agent-version (staged probes)' {
    BeforeAll {
        function New-FsAgentState([string]$Version) {
            $s = Get-FsTestState
            $s.files[$ip + '\bin\cbengine.exe'].fileVersion = $Version
            $s
        }
        $packageKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Installer\UserData\S-1-5-18\Products\' + (ConvertTo-FsPackedGuid '{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}') + '\InstallProperties'
    }

    It 'passes for a registration run with agent 2.0.9300.0 (= marsLatestKnownVersion)' {
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State (New-FsAgentState '2.0.9300.0')
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @('agent 2.0.9300.0 >= 2.0.9300.0')
    }

    It 'fails for a registration run with agent 2.0.9207.0' {
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State (New-FsAgentState '2.0.9207.0')
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @('agent 2.0.9207.0 < 2.0.9249.0 (minimum to read vault credentials)')
    }

    It 'warns for a registration run with an agent older than the latest known' {
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State (New-FsAgentState '2.0.9290.0')
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('agent 2.0.9290.0 < 2.0.9300.0')
    }

    It 'warns for an install run whose cached MSI (LocalPackage) is missing' {
        $s = New-FsAgentState '2.0.9207.0'
        Set-FsTestValue $s registry $packageKey LocalPackage 'C:\Windows\Installer\1a2b3c.msi'
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State $s -Vars @{ phase = 'install' }
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Be @('agent 2.0.9207.0 < 2.0.9300.0: the installer will upgrade it', 'product code {FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}', 'LocalPackage C:\Windows\Installer\1a2b3c.msi missing')
    }

    It 'takes the product code from the Uninstall key name when UninstallString names none, and finds the cached MSI by it' {
        $s = New-FsAgentState '2.0.9207.0'
        $s.registry['HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}'].UninstallString = '"C:\Program Files\Microsoft Azure Recovery Services Agent\Setup\setup.exe" /uninstall'
        Set-FsTestValue $s registry $packageKey LocalPackage 'C:\Windows\Installer\1a2b3c.msi'
        $s.files['C:\Windows\Installer\1a2b3c.msi'] = @{ length = 1000 }
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State $s -Vars @{ phase = 'install' }
        $r.evidence | Should -Contain 'product code {FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}'
        $r.evidence | Should -Contain 'cached MSI C:\Windows\Installer\1a2b3c.msi present'
    }

    It 'does not claim error 1612 when the product code cannot be found at all' {
        $s = New-FsAgentState '2.0.9207.0'
        $s.registry.Remove('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{FFE6D16C-9C5B-4E8B-A2E1-6B7F0C3D5A21}')
        $s.registry['HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\MARSAgent'] = @{ DisplayName = 'Microsoft Azure Recovery Services Agent'; DisplayVersion = '2.0.9207.0'; UninstallString = 'C:\Program Files\Microsoft Azure Recovery Services Agent\Setup\setup.exe /uninstall' }
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State $s -Vars @{ phase = 'install' }
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'Upgrade from 2.0.9207.0 to 2.0.9300.0; cached MSI not checked'
        $r.evidence[1] | Should -BeLike 'product code unknown*could not be checked'
    }

    It 'warns about the upgrade for an install run whose cached MSI is present' {
        $s = New-FsAgentState '2.0.9207.0'
        Set-FsTestValue $s registry $packageKey LocalPackage 'C:\Windows\Installer\1a2b3c.msi'
        $s.files['C:\Windows\Installer\1a2b3c.msi'] = @{ length = 1000 }
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State $s -Vars @{ phase = 'install' }
        $r.status | Should -Be 'warn'
        $r.summary | Should -Be 'Upgrade from 2.0.9207.0 to 2.0.9300.0'
    }

    It 'is skipped when no agent is installed' {
        $s = Get-FsTestState
        foreach ($k in @($s.registry.Keys | Where-Object { $_ -like 'HKLM:\SOFTWARE\Microsoft\Windows Azure Backup*' -or $_ -like '*Uninstall*' })) { $s.registry.Remove($k) }
        $r = Invoke-FsTestPack -Id 'mars-agent-version' -State $s
        $r.status | Should -Be 'skipped'
        $r.reason | Should -Be 'agent not installed yet'
    }
}
