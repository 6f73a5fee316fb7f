BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsCertificate (Windows cmdlets mocked)' {
    It 'lists subject, thumbprint and ISO expiry of the store certificates' {
        Mock Get-ChildItem { [pscustomobject]@{ Subject = 'CN=Windows Azure Tools'; Thumbprint = 'AB12'; NotAfter = [datetime]::SpecifyKind([datetime]'2030-01-01', 'Utc') } } -ParameterFilter { $Path -eq 'Cert:\LocalMachine\My' }
        $c = @(Get-FsCertificate -Store 'LocalMachine\My')
        $c.Count | Should -Be 1
        $c[0].subject | Should -Be 'CN=Windows Azure Tools'
        $c[0].notAfterUtc | Should -Be '2030-01-01T00:00:00.0000000Z'
    }
}
