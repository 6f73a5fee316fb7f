# The one gate of every change a plan makes: re-checked condition, ShouldProcess, log, outcome.
BeforeAll {
    $lib = Join-Path $PSScriptRoot '../../../../ps-scripts/fixes/lib'
    foreach ($name in @('Invoke-FsFixAction', 'Write-FsFixOutcome', 'Write-FsFixLog')) { . (Join-Path $lib "$name.ps1") }
    function Set-FsTestThing { param([string]$Value) $script:Made += @($Value); 'made ' + $Value }
    function Set-FsTestBroken { throw "Access is denied.`nsecond line" }
    function New-TestFix([string]$Log) { @{ Check = 'mars-test'; Counts = @{ changed = 0; already = 0; whatif = 0; declined = 0; failed = 0; steps = 0 }; LogPath = $Log; Changed = 0 } }
}

Describe 'Invoke-FsFixAction' {
    BeforeEach { $script:Made = @() }

    It 'makes the change when the condition still needs it, and logs what the change said' {
        $log = Join-Path $TestDrive 'changed.log'
        $fix = New-TestFix $log
        Invoke-FsFixAction -Fix $fix -Action 'Set Thing=1' -Target 'HKLM:\Test' -Needed $true -Found 'Thing=0' -Command Set-FsTestThing -Arguments @{ Value = '1' } 6>$null
        $script:Made | Should -Be @('1')
        $fix['Counts']['changed'] | Should -Be 1
        $fix['Changed'] | Should -Be 1
        (Get-Content -LiteralPath $log) | Should -Match '^\S+Z changed  mars-test: Set Thing=1 on HKLM:\\Test \(made 1\)$'
    }

    It 'does nothing when the re-check found the condition already right' {
        $fix = New-TestFix $null
        Invoke-FsFixAction -Fix $fix -Action 'Set Thing=1' -Target 'HKLM:\Test' -Needed $false -Found 'Thing=1' -Command Set-FsTestThing -Arguments @{ Value = '1' } 6>$null
        $script:Made | Should -BeNullOrEmpty
        $fix['Counts']['already'] | Should -Be 1
        $fix['Changed'] | Should -Be 0
    }

    It 'under -WhatIf shows the change and makes none' {
        $fix = New-TestFix $null
        Invoke-FsFixAction -Fix $fix -Action 'Set Thing=1' -Target 'HKLM:\Test' -Needed $true -Command Set-FsTestThing -Arguments @{ Value = '1' } -WhatIf
        $script:Made | Should -BeNullOrEmpty
        $fix['Counts']['whatif'] | Should -Be 1
    }

    It 'logs a change that throws as failed with its first line, and does not throw itself' {
        $log = Join-Path $TestDrive 'failed.log'
        $fix = New-TestFix $log
        { Invoke-FsFixAction -Fix $fix -Action 'Set Thing=1' -Target 'HKLM:\Test' -Needed $true -Command Set-FsTestBroken 3>$null } | Should -Not -Throw
        $fix['Counts']['failed'] | Should -Be 1
        (Get-Content -LiteralPath $log) | Should -Match 'failed   mars-test: Set Thing=1 on HKLM:\\Test \(Access is denied\.\)$'
    }

    It 'runs only our state functions, by name' {
        $fix = New-TestFix $null
        { Invoke-FsFixAction -Fix $fix -Action 'x' -Target 'y' -Needed $true -Command 'Remove-Item' } | Should -Throw '*does not match*'
    }
}
