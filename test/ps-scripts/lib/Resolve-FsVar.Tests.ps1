BeforeAll {
    . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1')
    Register-FsPack -Json '{ "name": "t", "version": "1.0.0", "title": "test pack", "checks": [], "vars": { "limit": { "type": "number", "description": "a limit", "default": 50 }, "hosts": { "type": "string[]", "description": "some hosts", "default": ["a"] }, "name": { "type": "string", "description": "a name" } } }'
}
AfterAll { Remove-Variable -Name FsPack -Scope Global -ErrorAction SilentlyContinue }

Describe 'Resolve-FsVar' {
    It 'prefers the inventory value over the pack default' {
        Resolve-FsVar -Context @{ Vars = @{ limit = 10 } } -Name limit | Should -Be 10
    }

    It 'falls back to the pack.json default, and to $null without one' {
        Resolve-FsVar -Context @{ Vars = @{} } -Name limit | Should -Be 50
        Resolve-FsVar -Context @{ Vars = @{} } -Name name | Should -BeNullOrEmpty
    }

    It 'keeps list values usable with @() even when they hold one item' {
        @(Resolve-FsVar -Context @{ Vars = @{} } -Name hosts) | Should -Be @('a')
        @(Resolve-FsVar -Context @{ Vars = @{ hosts = @('x', 'y') } } -Name hosts).Count | Should -Be 2
    }
}
