BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1')
}

Describe 'Register-FsBundledCheck' {
    BeforeEach { $saved = $global:FsCheckRegistry; $global:FsCheckRegistry = $null }
    AfterEach { $global:FsCheckRegistry = $saved }

    It 'registers the check by id with its kind and function, in registration order' {
        Register-FsBundledCheck 't-b' 'host' 'Test-TB'
        Register-FsBundledCheck 't-a' 'fleet' 'Test-TA'
        @($global:FsCheckRegistry.Keys) | Should -Be @('t-b', 't-a')
        $global:FsCheckRegistry['t-b']['Function'] | Should -BeExactly 'Test-TB'
        $global:FsCheckRegistry['t-a']['Metadata']['kind'] | Should -BeExactly 'fleet'
    }

    It 'replaces an entry registered again under the same id' {
        Register-FsBundledCheck 't-b' 'host' 'Test-TB'
        Register-FsBundledCheck 't-b' 'host' 'Test-TBAgain'
        $global:FsCheckRegistry.Count | Should -Be 1
        $global:FsCheckRegistry['t-b']['Function'] | Should -BeExactly 'Test-TBAgain'
    }
}
