# Runs the runner in its own pwsh on a tiny suite with one passing and one failing test.
BeforeAll {
    $script:Runner = Join-Path $PSScriptRoot '../../../ps-scripts/tools/Invoke-FsPester.ps1'
    $script:Pwsh = Join-Path $PSScriptRoot '../../../.tools/bin/pwsh'
    $script:PesterPath = (Get-Content (Join-Path $PSScriptRoot '../../../.tools/pester-path') -Raw).Trim()
    function Invoke-Runner([string]$Dir, [string]$Xml) {
        $out = @(& $script:Pwsh -NoProfile -NonInteractive -File $script:Runner -PesterPath $script:PesterPath -OutputFile $Xml $Dir)
        [pscustomobject]@{ Code = $LASTEXITCODE; Last = $out[-1]; All = $out -join "`n" }
    }
}

Describe 'Invoke-FsPester.ps1' {
    It 'ends with "Pester: 1 passed, 1 failed", exits 1 and writes NUnit XML when a test fails' {
        $suite = Join-Path $TestDrive 'mixed'
        $null = New-Item -ItemType Directory -Path $suite
        Set-Content -Path (Join-Path $suite 'Sample.Tests.ps1') -Value @'
Describe 'sample' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails' { 1 | Should -Be 2 }
}
'@
        $xml = Join-Path $TestDrive 'out/pester.xml'
        $r = Invoke-Runner $suite $xml
        $r.Last | Should -Be 'Pester: 1 passed, 1 failed'
        $r.Code | Should -Be 1
        ([xml](Get-Content $xml -Raw)).'test-results'.failures | Should -Be '1'
    }

    It 'counts a test file that does not parse as failed' {
        $suite = Join-Path $TestDrive 'broken'
        $null = New-Item -ItemType Directory -Path $suite
        Set-Content -Path (Join-Path $suite 'Broken.Tests.ps1') -Value "Describe 'x' { It 'y' { 1 | Should -Be 1 }"
        $r = Invoke-Runner $suite (Join-Path $TestDrive 'broken.xml')
        $r.Last | Should -Match '^Pester: 0 passed, [1-9]\d* failed$'
        $r.Code | Should -Be 1
    }

    It 'reports "Pester: 0 passed, 0 failed" and exits 0 for a folder without tests' {
        $suite = Join-Path $TestDrive 'empty'
        $null = New-Item -ItemType Directory -Path $suite
        $r = Invoke-Runner $suite (Join-Path $TestDrive 'empty.xml')
        $r.Last | Should -Be 'Pester: 0 passed, 0 failed'
        $r.Code | Should -Be 0
    }
}
