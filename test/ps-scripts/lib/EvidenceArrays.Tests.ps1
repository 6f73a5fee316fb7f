BeforeAll { $FsRepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path }

Describe 'ps-scripts array literals' {
    It 'never build an array with a bare comma inside a + expression (the comma binds first)' {
        # 'a', 'b ' + $x is ('a', 'b ') + $x: evidence lines silently merge or split.
        $found = foreach ($f in Get-ChildItem -Path (Join-Path $FsRepoRoot 'ps-scripts') -Recurse -Filter *.ps1) {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($f.FullName, [ref]$null, [ref]$null)
            $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.BinaryExpressionAst] -and $n.Operator -eq 'Plus' -and ($n.Left -is [System.Management.Automation.Language.ArrayLiteralAst] -or $n.Right -is [System.Management.Automation.Language.ArrayLiteralAst]) }, $true) |
                ForEach-Object { $f.Name + ':' + $_.Extent.StartLineNumber }
        }
        @($found) | Should -BeNullOrEmpty
    }
}
