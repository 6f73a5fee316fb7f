BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsDefenderPreference (Windows cmdlets mocked)' {
    It 'maps DisableRealtimeMonitoring and the exclusion lists' {
        Mock Get-MpPreference { [pscustomobject]@{ DisableRealtimeMonitoring = $false; ExclusionPath = @('C:\Scratch'); ExclusionProcess = $null } }
        $d = Get-FsDefenderPreference
        $d.present | Should -BeTrue
        $d.realtime | Should -BeTrue
        $d.exclusionPath | Should -Be @('C:\Scratch')
        @($d.exclusionProcess).Count | Should -Be 0
    }

    It 'reports Defender as not present when Get-MpPreference does not exist' {
        Mock Get-Command { $null } -ParameterFilter { $Name -eq 'Get-MpPreference' }
        (Get-FsDefenderPreference).present | Should -BeFalse
    }
}
