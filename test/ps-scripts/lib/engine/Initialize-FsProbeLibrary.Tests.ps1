Describe 'Initialize-FsProbeLibrary (real probes)' {
    BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

    It 'says the probes read real Windows state and need nothing shared' {
        $probes = Initialize-FsProbeLibrary -ControllerUtc ([datetime]::UtcNow)
        $probes.Staged | Should -BeFalse
        $probes.Variables.Count | Should -Be 0
    }
}

Describe 'Initialize-FsProbeLibrary (staged twin)' {
    BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

    It 'says the probes are staged, counts staged times from the controller time and shares the state read once' {
        $path = Set-FsTestStateFile -State @{ psVersion = '5.1.1' }
        $at = ConvertTo-FsUtcDate -Value '2027-01-02T03:04:05Z'
        $probes = Initialize-FsProbeLibrary -ControllerUtc $at
        $probes.Staged | Should -BeTrue
        $probes.Variables.FsStagedReferenceUtc | Should -Be $at
        Get-FsStagedNow | Should -Be $at
        $probes.Variables.FsStagedState['__path'] | Should -Be $path
    }

    It 'shares no state when the state file cannot be read, so each staged probe reports why' {
        $env:FLEET_SCAN_STAGED_STATE = Join-Path $TestDrive 'missing.json'
        $probes = Initialize-FsProbeLibrary -ControllerUtc ([datetime]::UtcNow)
        $probes.Staged | Should -BeTrue
        $probes.Variables.Contains('FsStagedState') | Should -BeFalse
        { Get-FsPSVersion } | Should -Throw '*missing.json*'
    }
}
