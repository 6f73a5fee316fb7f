BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
}

Describe 'Format-FsFrame' {
    It 'writes the marker, the kind and the base64 of the UTF-8 JSON, as the controller reads a frame' {
        $line = Format-FsFrame ([char]0x1e + 'FS-0123456789abcdef') 'check' ([ordered]@{ id = 'x'; summary = 'Größe' })
        $parts = $line.Split(' ')
        $parts.Count | Should -Be 3
        $parts[0] | Should -BeExactly ([char]0x1e + 'FS-0123456789abcdef')
        $parts[1] | Should -BeExactly 'check'
        [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($parts[2])) | Should -BeExactly '{"id":"x","summary":"Größe"}'
    }
}
