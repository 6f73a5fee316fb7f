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

    It '8.3 short names: a file named report.tmpx (short name REPORT~1.TMP) is not counted as .tmp, and .TMP counts as on Windows' {
        $dir = Join-Path $TestDrive 'Short'
        $null = New-Item -ItemType Directory -Path $dir
        foreach ($name in @('a.tmp', 'B.TMP', 'report.tmpx', 'cab_1234_2.tmp.log')) { [System.IO.File]::WriteAllText((Join-Path $dir $name), '') }
        Get-FsDirectoryFileCount -Path $dir -Filter '*.tmp' | Should -Be 2
    }

    It 'returns $null for a missing folder' {
        Get-FsDirectoryFileCount -Path (Join-Path $TestDrive 'nope') -Filter '*' | Should -BeNullOrEmpty
    }
}
