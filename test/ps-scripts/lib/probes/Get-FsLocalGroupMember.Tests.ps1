BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1') }

Describe 'Get-FsLocalGroupMember (Windows cmdlets mocked)' {
    It 'returns member names and object classes of the group found by SID' {
        Mock Get-LocalGroupMember { [pscustomobject]@{ Name = 'CONTOSO\svc-backup'; ObjectClass = 'User' }; [pscustomobject]@{ Name = 'CONTOSO\Domain Admins'; ObjectClass = 'Group' } } -ParameterFilter { $SID -eq 'S-1-5-32-544' }
        $m = @(Get-FsLocalGroupMember -Sid 'S-1-5-32-544')
        $m.Count | Should -Be 2
        $m[1].name | Should -Be 'CONTOSO\Domain Admins'
        $m[1].objectClass | Should -Be 'Group'
    }
}
