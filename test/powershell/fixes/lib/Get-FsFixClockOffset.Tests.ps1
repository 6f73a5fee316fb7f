Describe 'Get-FsFixClockOffset (w32tm.exe mocked)' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../../../../ps-scripts/fixes/lib/Get-FsFixClockOffset.ps1')
        # Stands in for w32tm.exe where there is none: Pester mocks it below.
        function w32tm.exe { }
    }

    It 'reads the offset of the one stripchart sample against the source named first' {
        Mock w32tm.exe { $global:LASTEXITCODE = 0; 'Tracking dc01.contoso.local [10.0.0.4:123].', 'Collecting 1 samples.', 'The current time is 01/12/2026 13:45:01.', '13:45:01, -600.0123456s' }
        Get-FsFixClockOffset -Source 'dc01.contoso.local,0x9' | Should -Be -600.0123456
        Should -Invoke w32tm.exe -Times 1 -ParameterFilter { $args -contains '/computer:dc01.contoso.local' -and $args -contains '/samples:1' }
    }

    It 'reads a decimal comma, as a German display language writes it' {
        Mock w32tm.exe { $global:LASTEXITCODE = 0; '13:45:01, +00,5000000s' }
        Get-FsFixClockOffset -Source 'dc01.contoso.local' | Should -Be 0.5
    }

    It 'cannot measure against the local clock, and does not try' {
        Mock w32tm.exe { throw 'must not run' }
        Get-FsFixClockOffset -Source 'Local CMOS Clock' | Should -BeNullOrEmpty
        Get-FsFixClockOffset -Source '' | Should -BeNullOrEmpty
        Should -Invoke w32tm.exe -Times 0
    }

    It 'answers $null when the source does not answer' {
        Mock w32tm.exe { $global:LASTEXITCODE = 1; '13:45:01, error: 0x800705B4' }
        Get-FsFixClockOffset -Source 'dc01.contoso.local' | Should -BeNullOrEmpty
    }
}
