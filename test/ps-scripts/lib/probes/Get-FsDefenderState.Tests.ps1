BeforeAll {
    . (Join-Path $PSScriptRoot '../../helpers/Import-FsProbes.ps1')
    if (-not (Get-Command -Name Get-MpComputerStatus -ErrorAction SilentlyContinue)) {
        function Get-MpComputerStatus { param($ErrorAction) throw 'Get-MpComputerStatus stub: mock it' }
    }
    # What the Defender cmdlets throw on 5.1 once another antivirus has disabled Defender: a CimException whose
    # message is the unformatted "0x%1!x!" and whose FullyQualifiedErrorId carries the HRESULT.
    function New-FsDefenderOffError([string]$Cmdlet) {
        $exception = New-Object System.Exception('Operation failed with the following error: 0x%1!x!')
        $record = New-Object System.Management.Automation.ErrorRecord($exception, ('HRESULT 0x800106ba,' + $Cmdlet), 'NotSpecified', $null)
        $record
    }
    function New-FsStatus([string]$Mode = 'Normal', [bool]$Realtime = $true) {
        [pscustomobject]@{ AMRunningMode = $Mode; AMServiceEnabled = $true; AntivirusEnabled = $true; RealTimeProtectionEnabled = $Realtime }
    }
}

Describe 'Get-FsDefenderState (Windows cmdlets mocked with the shapes they return on 5.1)' {
    It 'Defender active: live real-time state from Get-MpComputerStatus and the exclusion lists' {
        Mock Get-MpComputerStatus { New-FsStatus }
        Mock Get-MpPreference { [pscustomobject]@{ DisableRealtimeMonitoring = $false; ExclusionPath = [string[]]@('C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch'); ExclusionProcess = $null } }
        $d = Get-FsDefenderState
        $d.present | Should -BeTrue
        $d.active | Should -BeTrue
        $d.mode | Should -Be 'Normal'
        $d.realtime | Should -BeTrue
        $d.exclusionPath | Should -Be @('C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch')
        @($d.exclusionProcess).Count | Should -Be 0
        $d.exclusionsReadable | Should -BeTrue
    }

    It 'Defender turned off by a third-party antivirus: Get-MpPreference throws 0x800106ba and Defender reads as not active' {
        Mock Get-MpComputerStatus { New-FsStatus }
        Mock Get-MpPreference { throw (New-FsDefenderOffError -Cmdlet 'Get-MpPreference') }
        $d = Get-FsDefenderState
        $d.present | Should -BeTrue
        $d.active | Should -BeFalse
        $d.note | Should -BeLike '*0x800106ba*another antivirus*'
    }

    It 'Defender turned off by a third-party antivirus: Get-MpComputerStatus throws 0x800106ba first' {
        Mock Get-MpComputerStatus { throw (New-FsDefenderOffError -Cmdlet 'Get-MpComputerStatus') }
        Mock Get-MpPreference { throw 'must not be reached' }
        $d = Get-FsDefenderState
        $d.active | Should -BeFalse
        $d.mode | Should -Be 'not running'
    }

    It 'Defender in passive mode beside another antivirus is present but not the active antivirus' {
        Mock Get-MpComputerStatus { New-FsStatus -Mode 'Passive Mode' -Realtime $false }
        Mock Get-MpPreference { [pscustomobject]@{ DisableRealtimeMonitoring = $false; ExclusionPath = $null; ExclusionProcess = $null } }
        $d = Get-FsDefenderState
        $d.mode | Should -Be 'Passive Mode'
        $d.active | Should -BeFalse
    }

    It 'real-time protection switched off live although the DisableRealtimeMonitoring preference says on' {
        Mock Get-MpComputerStatus { New-FsStatus -Realtime $false }
        Mock Get-MpPreference { [pscustomobject]@{ DisableRealtimeMonitoring = $false; ExclusionPath = $null; ExclusionProcess = $null } }
        (Get-FsDefenderState).realtime | Should -BeFalse
    }

    It 'exclusions hidden from local administrators come back as one N/A entry and are marked unreadable' {
        Mock Get-MpComputerStatus { New-FsStatus }
        Mock Get-MpPreference { [pscustomobject]@{ DisableRealtimeMonitoring = $false; ExclusionPath = [string[]]@('N/A: Administrators are not allowed to view exclusions'); ExclusionProcess = [string[]]@('N/A: Administrators are not allowed to view exclusions') } }
        $d = Get-FsDefenderState
        $d.exclusionsReadable | Should -BeFalse
        @($d.exclusionPath).Count | Should -Be 0
        $d.note | Should -Be 'exclusions not readable: N/A: Administrators are not allowed to view exclusions'
    }

    It 'access denied from the Defender provider is not mistaken for another antivirus: it throws' {
        Mock Get-MpComputerStatus { throw (New-Object System.Management.Automation.ErrorRecord((New-Object System.UnauthorizedAccessException('Access denied')), 'HRESULT 0x80070005,Get-MpComputerStatus', 'PermissionDenied', $null)) }
        { Get-FsDefenderState } | Should -Throw '*Access denied*'
    }

    It 'reports Defender as not present when its cmdlets do not exist (Server 2012 R2 without Defender)' {
        Mock Get-Command { $null } -ParameterFilter { $Name -eq 'Get-MpPreference' }
        $d = Get-FsDefenderState
        $d.present | Should -BeFalse
        $d.active | Should -BeFalse
    }
}
