BeforeAll { . (Join-Path $PSScriptRoot '../../helpers/Import-FsStaged.ps1') }

Describe 'Test-FsStagedPath (staged probe library)' {
    BeforeAll { $null = Set-FsTestStateFile -State @{ files = @{ 'C:\A\B\f.txt' = @{} }; dirs = @{ 'D:\Cache' = @{} }; volumes = @{ 'E:' = @{ driveType = 3 } } } }

    It 'knows listed files and folders' {
        Test-FsStagedPath -Path 'C:\A\B\f.txt' | Should -Be 'file'
        Test-FsStagedPath -Path 'D:\Cache\' | Should -Be 'dir'
    }

    It 'implies the parent folders of listed paths and the roots of listed volumes' {
        Test-FsStagedPath -Path 'C:\A' | Should -Be 'dir'
        Test-FsStagedPath -Path 'E:\' | Should -Be 'dir'
    }

    It 'does not invent other paths' {
        Test-FsStagedPath -Path 'C:\A\Bx' | Should -BeNullOrEmpty
        Test-FsStagedPath -Path 'F:\' | Should -BeNullOrEmpty
    }
}
