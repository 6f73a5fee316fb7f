BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsService (Windows cmdlets mocked)' {
    It 'returns status and start mode as strings' {
        Mock Get-Service { [pscustomobject]@{ Name = 'obengine'; DisplayName = 'Microsoft Azure Recovery Services Agent'; Status = 'Running'; StartType = 'Manual' } } -ParameterFilter { $Name -eq 'obengine' }
        $s = Get-FsService -Name obengine
        $s.status | Should -Be 'Running'
        $s.startMode | Should -Be 'Manual'
        $s.displayName | Should -Be 'Microsoft Azure Recovery Services Agent'
    }

    It 'finds a service by display name' {
        Mock Get-Service { [pscustomobject]@{ Name = 'OBRecoveryServicesManagementAgent'; DisplayName = 'Microsoft Azure Recovery Services Management Agent'; Status = 'Stopped' } } -ParameterFilter { $DisplayName -eq 'Microsoft Azure Recovery Services Management Agent' }
        (Get-FsService -DisplayName 'Microsoft Azure Recovery Services Management Agent').status | Should -Be 'Stopped'
    }

    It 'returns $null for a missing service' {
        Mock Get-Service { }
        Get-FsService -Name obengine | Should -BeNullOrEmpty
    }
}
