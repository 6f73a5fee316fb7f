# Real files in the test drive, with their last write times set back.
BeforeAll {
    . (Join-Path $PSScriptRoot '../../../../ps-scripts/fixes/lib/Measure-FsStaleFile.ps1')
    function New-AgedFile([string]$Folder, [string]$Name, [int]$Days, [int]$Bytes = 10) {
        $file = Join-Path $Folder $Name
        [System.IO.File]::WriteAllBytes($file, (New-Object byte[] $Bytes))
        [System.IO.File]::SetLastWriteTimeUtc($file, [datetime]::UtcNow.AddDays(-$Days))
    }
}

Describe 'Measure-FsStaleFile' {
    It 'counts the matching files older than the limit, by their long names, and their bytes' {
        $folder = Join-Path $TestDrive 'temp'
        $null = New-Item -ItemType Directory -Path $folder
        New-AgedFile $folder 'a.tmp' 30 100
        New-AgedFile $folder 'B.TMP' 8 50
        New-AgedFile $folder 'new.tmp' 1
        New-AgedFile $folder 'report.tmpx' 30
        New-AgedFile $folder 'old.log' 30
        $stale = Measure-FsStaleFile -Path $folder -Filter '*.tmp' -OlderThanDays 7
        $stale['count'] | Should -Be 2
        $stale['bytes'] | Should -Be 150
    }

    It 'answers $null for a folder that does not exist' {
        Measure-FsStaleFile -Path (Join-Path $TestDrive 'missing') -Filter '*.tmp' -OlderThanDays 7 | Should -BeNullOrEmpty
    }
}
