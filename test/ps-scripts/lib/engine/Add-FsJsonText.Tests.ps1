BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    function Get-TestJson($Value) { $sb = New-Object System.Text.StringBuilder; Add-FsJsonText $sb $Value; $sb.ToString() }
}

Describe 'Add-FsJsonText' {
    It 'writes what ConvertTo-Json writes for the shapes a result has' {
        $value = [ordered]@{ id = 'x'; status = 'pass'; evidence = @('a', 'b'); ms = [long]12; facts = [ordered]@{ ok = $true; none = $null; list = @(1) } }
        Get-TestJson $value | Should -BeExactly (ConvertTo-Json -InputObject $value -Depth 10 -Compress)
    }

    It 'keeps a one-element array and an empty array as arrays' {
        Get-TestJson @{ e = @('only'); n = @() } | Should -Match '"e":\["only"\]'
        Get-TestJson @{ e = @('only'); n = @() } | Should -Match '"n":\[\]'
    }

    It 'escapes quotes, backslashes and control characters and leaves other text as it is' {
        $text = 'say "hi" C:\Temp' + [char]10 + [char]9 + [char]1 + ' é€'
        $json = Get-TestJson $text
        $json | Should -BeExactly '"say \"hi\" C:\\Temp\n\t\u0001 é€"'
        ConvertFrom-Json -InputObject $json | Should -BeExactly $text
    }

    It 'writes numbers in the invariant culture whatever the current one, and a non-finite double as null' {
        $saved = [System.Threading.Thread]::CurrentThread.CurrentCulture
        try {
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('de-DE')
            Get-TestJson @(1.5, [long]9007199254740993, [decimal]2.25, [double]::NaN) | Should -BeExactly '[1.5,9007199254740993,2.25,null]'
        } finally { [System.Threading.Thread]::CurrentThread.CurrentCulture = $saved }
    }

    It 'writes a PSCustomObject as an object of its properties and a list as an array' {
        $list = New-Object 'System.Collections.Generic.List[string]'
        $list.Add('s')
        Get-TestJson ([pscustomobject]@{ p = 'q'; r = $list }) | Should -BeExactly '{"p":"q","r":["s"]}'
    }
}
