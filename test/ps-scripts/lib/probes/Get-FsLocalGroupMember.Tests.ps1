BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    # Get-LocalGroupMember returns LocalPrincipal objects; SID is a SecurityIdentifier (read here as its text,
    # the only form the probe uses, since SecurityIdentifier does not exist off Windows).
    function New-FsPrincipal([string]$Name, [string]$Class, [string]$Sid, [string]$Source) {
        [pscustomobject]@{ Name = $Name; ObjectClass = $Class; SID = $Sid; PrincipalSource = $Source }
    }
}

Describe 'Get-FsLocalGroupMember (Windows cmdlets and ADSI mocked with their real shapes)' {
    It 'returns names, object classes and SIDs from Get-LocalGroupMember' {
        Mock Get-LocalGroupMember { New-FsPrincipal 'CONTOSO\svc-backup' 'User' 'S-1-5-21-1004336348-1177238915-682003330-1107' 'ActiveDirectory'; New-FsPrincipal 'CONTOSO\Domain Admins' 'Group' 'S-1-5-21-1004336348-1177238915-682003330-512' 'ActiveDirectory' } -ParameterFilter { $SID -eq 'S-1-5-32-544' }
        $m = @(Get-FsLocalGroupMember -Sid 'S-1-5-32-544')
        $m.Count | Should -Be 2
        $m[0].sid | Should -Be 'S-1-5-21-1004336348-1177238915-682003330-1107'
        $m[1].name | Should -Be 'CONTOSO\Domain Admins'
        $m[1].objectClass | Should -Be 'Group'
        $m[1].source | Should -Be 'Get-LocalGroupMember'
    }

    It 'Administrators holding an orphaned SID: Get-LocalGroupMember throws "Failed to compare two elements in the array" and ADSI lists the members, the orphan by its SID' {
        # PowerShell issue #2996: the cmdlet sorts the members and the unresolvable one has no name.
        Mock Get-LocalGroupMember { throw (New-Object System.InvalidOperationException('Failed to compare two elements in the array.', (New-Object System.NullReferenceException('Object reference not set to an instance of an object.')))) }
        Mock Get-FsAdsiGroupMember {
            @{ adsPath = 'WinNT://CONTOSO/FS01/Administrator'; class = 'User'; sid = 'S-1-5-21-3623811015-3361044348-30300820-500' }
            @{ adsPath = 'WinNT://CONTOSO/svc-backup'; class = 'User'; sid = 'S-1-5-21-1004336348-1177238915-682003330-1107' }
            @{ adsPath = 'WinNT://S-1-5-21-1004336348-1177238915-682003330-1433'; class = 'User'; sid = 'S-1-5-21-1004336348-1177238915-682003330-1433' }
        }
        $m = @(Get-FsLocalGroupMember -Sid 'S-1-5-32-544')
        $m.Count | Should -Be 3
        $m[0].name | Should -Be 'FS01\Administrator'
        $m[1].name | Should -Be 'CONTOSO\svc-backup'
        $m[2].name | Should -Be 'S-1-5-21-1004336348-1177238915-682003330-1433'
        $m[2].objectClass | Should -Be 'Unknown'
        $m[0].source | Should -Be 'ADSI (Get-LocalGroupMember failed: Failed to compare two elements in the array.)'
    }

    It 'turns the ADSI path of a local account, WinNT://DOMAIN/COMPUTER/user, into COMPUTER\user, not DOMAIN\COMPUTER\user' {
        Mock Get-Command { $null } -ParameterFilter { $Name -eq 'Get-LocalGroupMember' }
        Mock Get-FsAdsiGroupMember { @{ adsPath = 'WinNT://WORKGROUP/APP01/localadmin'; class = 'User'; sid = 'S-1-5-21-1-2-3-1001' } }
        $m = @(Get-FsLocalGroupMember -Sid 'S-1-5-32-544')
        $m[0].name | Should -Be 'APP01\localadmin'
        $m[0].source | Should -Be 'ADSI (Get-LocalGroupMember not available)'
    }
}

Describe 'Resolve-FsAccountSid (NTAccount.Translate mocked)' {
    BeforeAll {
        # System.Security.Principal.IdentityNotMappedException cannot be constructed off Windows; the probe
        # recognises it by its type name, which this stand-in shares.
        if (-not ('FsTest.IdentityNotMappedException' -as [type])) {
            Add-Type -TypeDefinition 'namespace FsTest { public class IdentityNotMappedException : System.SystemException { public IdentityNotMappedException(string m) : base(m) { } } }'
        }
    }

    It 'answers $null for an account that does not exist, rather than throwing' {
        Mock New-Object { [pscustomobject]@{} | Add-Member -MemberType ScriptMethod -Name Translate -Value { throw ([FsTest.IdentityNotMappedException]::new('Some or all identity references could not be translated.')) } -PassThru } -ParameterFilter { $TypeName -eq 'System.Security.Principal.NTAccount' }
        Resolve-FsAccountSid -Name 'CONTOSO\nobody' | Should -BeNullOrEmpty
    }

    It 'throws when the domain cannot be asked, so the check does not read it as "not a member"' {
        Mock New-Object { [pscustomobject]@{} | Add-Member -MemberType ScriptMethod -Name Translate -Value { throw (New-Object System.SystemException('The trust relationship between this workstation and the primary domain failed.')) } -PassThru } -ParameterFilter { $TypeName -eq 'System.Security.Principal.NTAccount' }
        { Resolve-FsAccountSid -Name 'svc-backup@contoso.com' } | Should -Throw '*trust relationship*'
    }
}
