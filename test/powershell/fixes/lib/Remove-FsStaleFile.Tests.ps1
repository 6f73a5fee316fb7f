# Real files in the test drive, with their last write times set back.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../../../ps-scripts/fixes/lib/Remove-FsStaleFile.ps1')
    . (Join-Path $PSScriptRoot '../../../../ps-scripts/fixes/lib/Measure-FsStaleFile.ps1')
    function New-AgedFile([string]$Folder, [string]$Name, [int]$Days) {
        $file = Join-Path $Folder $Name
        [System.IO.File]::WriteAllText($file, 'x')
        [System.IO.File]::SetLastWriteTimeUtc($file, [datetime]::UtcNow.AddDays(-$Days))
    }
}

Describe 'Remove-FsStaleFile' {
    It 'deletes exactly the files Measure-FsStaleFile counts, and a second run deletes none' {
        $folder = Join-Path $TestDrive 'temp'
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($i in 1..5) { New-AgedFile $folder "old$i.tmp" 30 }
        New-AgedFile $folder 'new.tmp' 1
        New-AgedFile $folder 'keep.log' 30
        (Measure-FsStaleFile -Path $folder -Filter '*.tmp' -OlderThanDays 7)['count'] | Should -Be 5
        Remove-FsStaleFile -Path $folder -Filter '*.tmp' -OlderThanDays 7 | Should -Be 'deleted 5 files, 0 kept'
        @(Get-ChildItem -LiteralPath $folder | ForEach-Object { $_.Name } | Sort-Object) | Should -Be @('keep.log', 'new.tmp')
        Remove-FsStaleFile -Path $folder -Filter '*.tmp' -OlderThanDays 7 | Should -Be 'deleted 0 files, 0 kept'
    }
}
