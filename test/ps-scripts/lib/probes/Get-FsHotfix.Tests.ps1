BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsHotfix (Windows cmdlets mocked)' {
    It 'returns install dates as ISO UTC strings, parsing text and leaving empty dates null' {
        Mock Get-CimInstance {
            [pscustomobject]@{ HotFixID = 'KB5041160'; InstalledOn = [datetime]::SpecifyKind([datetime]'2026-11-15', 'Utc') }
            [pscustomobject]@{ HotFixID = 'KB5040437'; InstalledOn = '10/16/2026' }
            [pscustomobject]@{ HotFixID = 'KB3140245'; InstalledOn = '' }
        } -ParameterFilter { $ClassName -eq 'Win32_QuickFixEngineering' }
        $fixes = @(Get-FsHotfix)
        $fixes.Count | Should -Be 3
        $fixes[0].installedOnUtc | Should -Be '2026-11-15T00:00:00.0000000Z'
        $fixes[1].installedOnUtc | Should -Be '2026-10-16T00:00:00.0000000Z'
        $fixes[2].installedOnUtc | Should -BeNullOrEmpty
        $fixes[2].id | Should -Be 'KB3140245'
    }
}
