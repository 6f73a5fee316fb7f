BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsFileList (real files)' {
    It 'lists the matching files with name, path, ISO time and length' {
        $dir = Join-Path $TestDrive 'Deploy'
        $null = New-Item -ItemType Directory -Path $dir
        [System.IO.File]::WriteAllText((Join-Path $dir 'a.VaultCredentials'), 'abc')
        [System.IO.File]::WriteAllText((Join-Path $dir 'b.txt'), 'abc')
        $files = @(Get-FsFileList -Path $dir -Filter '*.VaultCredentials')
        $files.Count | Should -Be 1
        $files[0].name | Should -Be 'a.VaultCredentials'
        $files[0].length | Should -Be 3
        $files[0].lastWriteTimeUtc | Should -Match 'Z$'
    }

    It 'returns nothing for a missing folder' {
        @(Get-FsFileList -Path (Join-Path $TestDrive 'nope') -Filter '*').Count | Should -Be 0
    }
}
