BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsItemInfo (real files)' {
    It 'describes an existing file: attributes as strings, ISO UTC time, length and tail text' {
        $file = Join-Path $TestDrive 'CBEngineCurr.errlog'
        [System.IO.File]::WriteAllText($file, ('x' * 1000) + 'ERROR 34513 at the end')
        $info = Get-FsItemInfo -Path $file -TailBytes 22
        $info.exists | Should -BeTrue
        $info.isDirectory | Should -BeFalse
        $info.length | Should -Be 1022
        $info.tailText | Should -Be 'ERROR 34513 at the end'
        $info.attributes | Should -BeOfType [string]
        $info.lastWriteTimeUtc | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$'
    }

    It 'describes a folder with the Directory attribute and no length' {
        $info = Get-FsItemInfo -Path $TestDrive
        $info.isDirectory | Should -BeTrue
        $info.attributes | Should -Contain 'Directory'
        $info.length | Should -BeNullOrEmpty
    }

    It 'reports a missing path as exists = false' {
        (Get-FsItemInfo -Path (Join-Path $TestDrive 'missing.exe')).exists | Should -BeFalse
    }

    It 'a drive root reports Hidden, System and Directory (attribute value 22), as Windows gives it for every NTFS root' {
        Mock Test-Path { $true } -ParameterFilter { $LiteralPath -eq 'D:\' }
        Mock Get-Item { [pscustomobject]@{ PSIsContainer = $true; Attributes = [System.IO.FileAttributes]22; LastWriteTimeUtc = [datetime]::SpecifyKind([datetime]'2026-01-05', 'Utc'); FullName = 'D:\' } } -ParameterFilter { $LiteralPath -eq 'D:\' }
        $info = Get-FsItemInfo -Path 'D:\'
        $info.isDirectory | Should -BeTrue
        $info.attributes | Should -Be @('Hidden', 'System', 'Directory')
    }
}
