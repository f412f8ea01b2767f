using System.Reflection;
using RealtimeKit.SpecTools.Infrastructure;
using RealtimeKit.SpecTools.Versioning;
using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>One version, written in Directory.Build.props, used by the assemblies, the packages and the User-Agent.</summary>
public sealed class VersionTests
{
    private static SemanticVersion RepositoryVersion =>
        VersionFile.Read(File.ReadAllText(Path.Combine(RepoPaths.Root, VersionFile.RelativePath)))
        ?? throw new InvalidOperationException("Directory.Build.props names no version.");

    [Theory]
    [InlineData("0.1.0", VersionBump.Major, "0.2.0")]
    [InlineData("0.1.3", VersionBump.Minor, "0.1.4")]
    [InlineData("0.1.3", VersionBump.Patch, "0.1.4")]
    [InlineData("1.4.2", VersionBump.Major, "2.0.0")]
    [InlineData("1.4.2", VersionBump.Minor, "1.5.0")]
    [InlineData("1.4.2", VersionBump.Patch, "1.4.3")]
    public void A_bump_gives_the_next_version_with_0x_shifted_down_one_place(string from, VersionBump bump, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(from).Bumped(bump).ToString());

    [Fact]
    public void A_breaking_change_is_satisfied_only_by_a_major_bump()
    {
        var from = SemanticVersion.Parse("0.1.0");

        Assert.False(SemanticVersion.Parse("0.1.0").Satisfies(from, VersionBump.Major));
        Assert.False(SemanticVersion.Parse("0.1.5").Satisfies(from, VersionBump.Major));
        Assert.True(SemanticVersion.Parse("0.2.0").Satisfies(from, VersionBump.Major));
        Assert.True(SemanticVersion.Parse("1.0.0").Satisfies(from, VersionBump.Major));
        Assert.True(SemanticVersion.Parse("0.1.0").Satisfies(from, VersionBump.None));
        Assert.True(SemanticVersion.Parse("0.1.0-dev.1") < SemanticVersion.Parse("0.1.0"));
    }

    [Fact]
    public void The_version_is_read_from_VersionPrefix_or_an_older_Version_element()
    {
        Assert.Equal("2.3.4", VersionFile.Read("<Project><PropertyGroup><VersionPrefix>2.3.4</VersionPrefix></PropertyGroup></Project>")!.ToString());
        Assert.Equal("0.1.0", VersionFile.Read("<Project><PropertyGroup><Version>0.1.0</Version></PropertyGroup></Project>")!.ToString());
        Assert.Null(VersionFile.Read("<Project />"));
    }

    [Fact]
    public void The_User_Agent_carries_the_version_written_in_Directory_Build_props_as_a_prerelease()
    {
        var handler = typeof(RealtimeKitClient).Assembly.GetType("RealtimeKit.Http.SdkHeadersHandler", throwOnError: true)!;
        var sdkVersion = (string)handler.GetProperty("SdkVersion", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal($"{RepositoryVersion}-dev", sdkVersion);
        Assert.Equal(new Version(RepositoryVersion.Major, RepositoryVersion.Minor, RepositoryVersion.Patch, 0), typeof(RealtimeKitClient).Assembly.GetName().Version);
    }

    [Fact]
    public void Packages_take_the_version_a_unique_prerelease_stamp_or_the_release_version()
    {
        // One evaluation (no build) per case: what `dotnet pack` would name the package.
        string PackageVersion(params string[] properties) => ProcessRunner.Run(
            "dotnet",
            ["msbuild", "src/RealtimeKit/RealtimeKit.csproj", "-getProperty:PackageVersion", "-nologo", .. properties],
            RepoPaths.Root,
            TimeSpan.FromMinutes(2)).Output.Trim();

        Assert.Equal($"{RepositoryVersion}-dev.20260101093000", PackageVersion("-p:VersionSuffix=dev.20260101093000"));
        Assert.Equal(RepositoryVersion.ToString(), PackageVersion("-p:RealtimeKitRelease=true"));
    }
}
