# Runs the guard the way CI does (its own pwsh, -Json). One run covers several sample files, to keep
# the number of pwsh starts small.
BeforeAll {
    $script:Guard = Join-Path $PSScriptRoot '../../../ps-scripts/tools/Test-PS51Compat.ps1'
    $script:Pwsh = Join-Path $PSScriptRoot '../../../.tools/bin/pwsh'
    function Invoke-Guard([string[]]$Files) {
        $json = & $script:Pwsh -NoProfile -NonInteractive -File $script:Guard -Json @Files 2>$null
        [pscustomobject]@{ Code = $LASTEXITCODE; Findings = @($json | ConvertFrom-Json) }
    }
    function New-Script([string]$Name, [string]$Text, [switch]$Bom) {
        $file = Join-Path $TestDrive $Name
        $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $file)
        [IO.File]::WriteAllText($file, $Text, [Text.UTF8Encoding]::new($Bom.IsPresent))
        $file
    }
    $script:Samples = @{
        NullCoalescing = New-Script 'nc.ps1' "`$a = 1`n`$b = `$a ?? 2`n"
        NoBom          = New-Script 'nobom.ps1' "# caf$([char]0xE9)`n'x'`n"
        Bom            = New-Script 'bom.ps1' "# caf$([char]0xE9)`n'x'`n" -Bom
        NoDepth        = New-Script 'depth.ps1' "@{ a = @{ b = 1 } } | ConvertTo-Json -Compress`n"
        Tree           = Join-Path $TestDrive 'tree'
    }
    $null = New-Script 'tree/a.ps1' "`$a ??= 1`n"
    $null = New-Script 'tree/sub/b.psm1' "`$b = `$true ? 1 : 2`n"
    $null = New-Script 'tree/sub/c.txt' "`$c = `$a ?? 1`n"
    $script:All = Invoke-Guard @($script:Samples.Values)
    function Get-FindingsFor([string]$Path) { @($script:All.Findings | Where-Object { $_.File -like "$Path*" }) }
}

Describe 'Test-PS51Compat.ps1' {
    It 'reports the null-coalescing operator with its file, line and rule as an error' {
        $f = @(Get-FindingsFor $script:Samples.NullCoalescing)
        $f.Count | Should -Be 1
        $f[0].File | Should -Be $script:Samples.NullCoalescing
        $f[0].Line | Should -Be 2
        $f[0].Column | Should -Be 6
        $f[0].Rule | Should -Be 'NullCoalescing'
        $f[0].Severity | Should -Be 'error'
    }

    It 'exits 1 when any file has an error finding' {
        $script:All.Code | Should -Be 1
    }

    It 'warns on non-ASCII text in a file without a BOM, at the line where it starts' {
        $f = @(Get-FindingsFor $script:Samples.NoBom)
        $f.Rule | Should -Be 'NonAsciiWithoutBom'
        $f[0].Severity | Should -Be 'warning'
        $f[0].Line | Should -Be 1
    }

    It 'accepts non-ASCII text when the file has a BOM' {
        @(Get-FindingsFor $script:Samples.Bom).Count | Should -Be 0
    }

    It 'warns on ConvertTo-Json without -Depth' {
        $f = @(Get-FindingsFor $script:Samples.NoDepth)
        $f.Rule | Should -Be 'ConvertToJsonWithoutDepth'
        $f[0].Severity | Should -Be 'warning'
    }

    It 'searches a directory recursively for .ps1 and .psm1 files only' {
        $f = @(Get-FindingsFor $script:Samples.Tree)
        @($f.Rule | Sort-Object) | Should -Be @('NullCoalescingAssign', 'Ternary')
    }

    It 'exits 0 when there are only warnings' {
        (Invoke-Guard $script:Samples.NoBom, $script:Samples.NoDepth).Code | Should -Be 0
    }

    It 'exits 2 for a path that does not exist' {
        (Invoke-Guard (Join-Path $TestDrive 'missing.ps1')).Code | Should -Be 2
    }
}
