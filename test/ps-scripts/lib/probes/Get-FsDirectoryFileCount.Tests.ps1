BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsDirectoryFileCount (real files)' {
    It 'counts the top-level files matching a pattern and all files' {
        $dir = Join-Path $TestDrive 'Temp'
        $null = New-Item -ItemType Directory -Path (Join-Path $dir 'sub')
        foreach ($n in 1..5) { [System.IO.File]::WriteAllText((Join-Path $dir "t$n.tmp"), '') }
        foreach ($n in 1..3) { [System.IO.File]::WriteAllText((Join-Path $dir "l$n.log"), '') }
        [System.IO.File]::WriteAllText((Join-Path $dir 'sub/nested.tmp'), '')
        Get-FsDirectoryFileCount -Path $dir -Filter '*.tmp' | Should -Be 5
        Get-FsDirectoryFileCount -Path $dir -Filter '*' | Should -Be 8
    }

    It 'returns $null for a missing folder' {
        Get-FsDirectoryFileCount -Path (Join-Path $TestDrive 'nope') -Filter '*' | Should -BeNullOrEmpty
    }
}
