BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1'); $ip = 'C:\Program Files\Microsoft Azure Recovery Services Agent' }

Describe 'mars-vault-credentials-file (staged probes)' {
    BeforeAll { $file = 'C:\Deploy\rsv-files.VaultCredentials' }

    It 'passes for a local file written 2 days ago' {
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State (Get-FsTestState)
        $r.status | Should -Be 'pass'
        $r.evidence | Should -Be @($file + ': 6144 bytes, written 2.0 days ago')
    }

    It 'fails for a file written 11 days ago (expired)' {
        $s = Get-FsTestState
        $s.files[$file].ageDays = 11
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'age 11.0 days > 10 days: expired'
    }

    It 'warns for a file that expires within a day' {
        $s = Get-FsTestState
        $s.files[$file].ageDays = 9.5
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'age 9.5 days > 9 days: expires within a day'
    }

    It 'fails for a file with the .xml extension' {
        $s = Get-FsTestState
        $s.files['C:\Deploy\rsv-files.xml'] = @{ length = 6144; ageDays = 1 }
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State $s -Vars @{ vaultCredentialsPath = 'C:\Deploy\rsv-files.xml' }
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Contain 'C:\Deploy\rsv-files.xml does not end in .VaultCredentials'
    }

    It 'warns for a file on a network share' {
        $s = Get-FsTestState
        $s.files['\\share\deploy\v.VaultCredentials'] = @{ length = 6144; ageDays = 1 }
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State $s -Vars @{ vaultCredentialsPath = '\\share\deploy\v.VaultCredentials' }
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain '\\share\deploy\v.VaultCredentials is on a network share; copy it locally'
    }

    It 'warns when a newer credentials file of the same vault sits beside it' {
        $s = Get-FsTestState
        $s.files['C:\Deploy\rsv-files_2026-11-24.VaultCredentials'] = @{ length = 6144; ageDays = 1 }
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State $s
        $r.status | Should -Be 'warn'
        $r.evidence | Should -Contain 'newer credentials file rsv-files_2026-11-24.VaultCredentials in the same folder; only the latest download is valid'
    }

    It 'fails when the file does not exist' {
        $s = Get-FsTestState
        $s.files.Remove($file)
        $r = Invoke-FsTestPack -Id 'mars-vault-credentials-file' -State $s
        $r.status | Should -Be 'fail'
        $r.evidence | Should -Be @($file + ' not found')
    }
}
