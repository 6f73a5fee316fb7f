BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsClockSample (Windows cmdlets mocked)' {
    It 'returns the UTC clock as ISO text with w32time state and source' {
        Mock Get-Service { [pscustomobject]@{ Name = 'w32time'; Status = 'Running' } }
        Mock w32tm { $global:LASTEXITCODE = 0; 'dc01.contoso.local' }
        $c = Get-FsClockSample
        $c.hostUtc | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$'
        $c.w32timeStatus | Should -Be 'Running'
        $c.w32timeSource | Should -Be 'dc01.contoso.local'
        $c.timeZoneId | Should -Be ([System.TimeZoneInfo]::Local.Id)
    }
}
