BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    $registry = New-Object System.Collections.Specialized.OrderedDictionary
    $registry.Add('t-facts', @{ Metadata = @{ id = 't-facts'; kind = 'host' }; Function = 'Test-TFacts' })
    $registry.Add('t-host', @{ Metadata = @{ id = 't-host'; kind = 'host' }; Function = 'Test-THost' })
    $registry.Add('t-fleet', @{ Metadata = @{ id = 't-fleet'; kind = 'fleet' }; Function = 'Test-TFleet' })
}

Describe 'Get-FsHostPlan' {
    It 'keeps the list order and numbers the entries by their place in it' {
        $plan = @(Get-FsHostPlan -Checks @(@{ id = 't-host'; facts = $false; report = $true }, @{ id = 't-facts'; facts = $true; report = $false }) -Registry $registry -PackName 't')
        @($plan | ForEach-Object { $_.id + '@' + $_.index }) | Should -Be @('t-host@0', 't-facts@1')
        $plan[1].fn | Should -Be 'Test-TFacts'
        $plan[1].facts | Should -BeTrue
        $plan[1].report | Should -BeFalse
    }

    It 'reads a missing facts flag as false and a missing report flag as true' {
        $plan = @(Get-FsHostPlan -Checks @(@{ id = 't-host' }) -Registry $registry -PackName 't')
        $plan[0].facts | Should -BeFalse
        $plan[0].report | Should -BeTrue
    }

    It 'gives an id without a host check of the pack its error, a fleet check included' {
        $plan = @(Get-FsHostPlan -Checks @(@{ id = 't-none' }, @{ id = 't-fleet' }) -Registry $registry -PackName 't')
        @($plan | ForEach-Object { $_.error }) | Should -Be @('no host check t-none in pack t', 'no host check t-fleet in pack t')
        @($plan | Where-Object { $_.fn }).Count | Should -Be 0
    }

    It 'plans nothing for an empty list and refuses a missing list or an entry without id' {
        @(Get-FsHostPlan -Checks @() -Registry $registry -PackName 't').Count | Should -Be 0
        { Get-FsHostPlan -Checks $null -Registry $registry -PackName 't' } | Should -Throw 'payload has no checks list'
        { Get-FsHostPlan -Checks @(@{ id = 't-host' }, 't-host') -Registry $registry -PackName 't' } | Should -Throw 'payload checks`[1`] has no id'
    }
}
