BeforeAll { . (Join-Path $PSScriptRoot '../helpers/Import-FsProbes.ps1') }

Describe 'ConvertTo-FsHashtable' {
    It 'turns nested JSON objects into hashtables and keeps arrays, including one-element and empty ones' {
        $h = ConvertTo-FsHashtable (ConvertFrom-Json '{ "a": { "b": [1], "c": [], "d": [{ "e": "x" }] }, "n": null }')
        $h['a'] | Should -BeOfType [hashtable]
        , $h['a']['b'] | Should -BeOfType [object[]]
        $h['a']['b'].Count | Should -Be 1
        $h['a']['c'].Count | Should -Be 0
        $h['a']['d'][0]['e'] | Should -Be 'x'
        $h.Contains('n') | Should -BeTrue
    }
}
