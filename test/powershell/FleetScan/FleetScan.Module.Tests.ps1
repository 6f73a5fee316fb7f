# The module's shape: its manifest, what it exports, one function per file, and complete help on each function.
BeforeAll {
    $script:ModuleDir = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../../../powershell/FleetScan')).ProviderPath
    $script:Manifest = Join-Path $script:ModuleDir 'FleetScan.psd1'
    Import-Module $script:Manifest -Force
    $script:Public = @('Compare-FleetScanRun', 'Get-FleetScanFinding', 'Get-FleetScanRun', 'Invoke-FleetScan')
    $script:Files = @(Get-ChildItem -LiteralPath (Join-Path $script:ModuleDir 'Public'), (Join-Path $script:ModuleDir 'Private') -Filter '*.ps1' -File)
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'FleetScan module' {
    It 'has a valid manifest for Windows PowerShell 5.1 and PowerShell 7' {
        $m = Test-ModuleManifest -Path $script:Manifest
        $m.PowerShellVersion | Should -Be ([version]'5.1')
        @($m.CompatiblePSEditions | Sort-Object) | Should -Be @('Core', 'Desktop')
        @($m.ExportedFunctions.Keys | Sort-Object) | Should -Be $script:Public
    }

    It 'exports the four public functions and nothing else' {
        @((Get-Module FleetScan).ExportedCommands.Keys | Sort-Object) | Should -Be $script:Public
        @(Get-ChildItem -LiteralPath (Join-Path $script:ModuleDir 'Public') -Filter '*.ps1' | ForEach-Object { $_.BaseName } | Sort-Object) | Should -Be $script:Public
    }

    It 'defines exactly one function per file, named like the file' {
        foreach ($file in $script:Files) {
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$null, [ref]$null)
            $functions = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.FunctionDefinitionAst] }, $false))
            @($functions.Name) | Should -Be @($file.BaseName) -Because $file.Name
        }
    }

    It 'gives each public function a synopsis, a description, help for every parameter, examples and links' {
        foreach ($name in $script:Public) {
            $help = Get-Help -Name $name -Full
            [string]$help.Synopsis | Should -Not -BeLike "$name*" -Because "$name has a .SYNOPSIS"
            ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "$name has a .DESCRIPTION"
            @($help.examples.example).Count | Should -BeGreaterThan 1 -Because "$name has examples"
            @($help.relatedLinks.navigationLink).Count | Should -BeGreaterThan 0 -Because "$name has .LINK"
            $documented = @($help.parameters.parameter | Where-Object { ($_.description | Out-String).Trim() } | ForEach-Object { $_.name })
            foreach ($p in @((Get-Command $name).Parameters.Keys | Where-Object { $script:Common -notcontains $_ })) {
                $documented | Should -Contain $p -Because "$name documents -$p"
            }
        }
    }

    It 'gives each private helper a synopsis and an example' {
        foreach ($file in @($script:Files | Where-Object { $_.DirectoryName -like '*Private' })) {
            $text = [System.IO.File]::ReadAllText($file.FullName)
            $text | Should -Match '\.SYNOPSIS' -Because $file.Name
            $text | Should -Match '\.EXAMPLE' -Because $file.Name
        }
    }

    It 'is plain ASCII, so Windows PowerShell 5.1 reads it the same without a byte-order mark' {
        foreach ($file in @(Get-ChildItem -LiteralPath $script:ModuleDir -Recurse -File)) {
            $bytes = [System.IO.File]::ReadAllBytes($file.FullName)
            @($bytes | Where-Object { $_ -gt 127 }).Count | Should -Be 0 -Because $file.Name
        }
    }
}
