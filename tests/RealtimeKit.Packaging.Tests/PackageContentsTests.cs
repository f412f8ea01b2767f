using System.IO.Compression;
using System.Xml.Linq;

namespace RealtimeKit.Packaging.Tests;

/// <summary>What each package holds: metadata, README, icon, licence, XML docs, target folders, symbols, SourceLink.</summary>
[Collection(PackageFeedGroup.Name)]
public sealed class PackageContentsTests(PackageFeed feed)
{
    public static TheoryData<string> Packages => new(PackageFeed.Projects.Keys);

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_package_carries_the_metadata_a_team_expects(string name)
    {
        var nuspec = Nuspec(name);
        string Field(string element) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == element)?.Value ?? string.Empty;

        Assert.Equal(feed.Id(name), Field("id"));
        Assert.Equal(feed.Version, Field("version"));
        Assert.StartsWith(feed.Prefix + ".", Field("id"), StringComparison.Ordinal);
        Assert.NotEmpty(Field("authors"));
        Assert.True(Field("description").Length > 40, $"{name}: the description is too short: '{Field("description")}'.");
        var license = nuspec.Descendants().Single(e => e.Name.LocalName == "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.StartsWith("https://", Field("projectUrl"), StringComparison.Ordinal);
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.Equal("README.md", Field("readme"));
        Assert.Equal("icon.png", Field("icon"));
        Assert.Contains("## ", Field("releaseNotes"), StringComparison.Ordinal);
        Assert.Contains("CHANGELOG.md", Field("releaseNotes"), StringComparison.Ordinal);

        var files = Entries(name);
        Assert.Contains("README.md", files);
        Assert.Contains("icon.png", files);
    }

    [Theory]
    [InlineData("RealtimeKit.Generated", "RealtimeKit.Generated", new[] { "netstandard2.0", "net8.0", "net10.0" })]
    [InlineData("RealtimeKit", "RealtimeKit", new[] { "netstandard2.0", "net8.0", "net10.0" })]
    [InlineData("RealtimeKit.Testing", "RealtimeKit.Emulator", new[] { "net8.0", "net10.0" })]
    public void Libraries_ship_an_assembly_with_xml_docs_and_symbols_for_every_target(string name, string assembly, string[] frameworks)
    {
        var files = Entries(name);
        var libFolders = files.Where(f => f.StartsWith("lib/", StringComparison.Ordinal)).Select(f => f.Split('/')[1]).Distinct().Order();
        Assert.Equal(frameworks.Order(), libFolders);
        var symbols = Entries(name, "snupkg");
        foreach (var framework in frameworks)
        {
            Assert.Contains($"lib/{framework}/{assembly}.dll", files);
            Assert.Contains($"lib/{framework}/{assembly}.xml", files);
            Assert.Contains($"lib/{framework}/{assembly}.pdb", symbols);
            Assert.DoesNotContain($"lib/{framework}/{assembly}.pdb", files);
        }
    }

    [Theory]
    [InlineData("RealtimeKit", "lib/net8.0/RealtimeKit.pdb")]
    [InlineData("RealtimeKit.Generated", "lib/netstandard2.0/RealtimeKit.Generated.pdb")]
    public void Symbols_link_to_the_source_in_the_repository(string name, string pdb)
    {
        // SourceLink writes a JSON map from the local source folder to the repository's raw files into the PDB.
        using var zip = ZipFile.OpenRead(feed.File(name, "snupkg"));
        using var stream = zip.GetEntry(pdb)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var text = System.Text.Encoding.UTF8.GetString(copy.ToArray());

        Assert.Contains("\"documents\":", text, StringComparison.Ordinal);
        Assert.Contains("https://raw.githubusercontent.com/", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("netstandard2.0", "8.0.0")]
    [InlineData("net8.0", "8.0.0")]
    [InlineData("net10.0", "10.0.0")]
    public void Each_target_depends_on_the_lowest_Microsoft_Extensions_line_of_its_framework(string framework, string version)
    {
        var groups = Nuspec("RealtimeKit").Descendants().Where(e => e.Name.LocalName == "group");
        var group = groups.Single(g => Normalize(g.Attribute("targetFramework")!.Value) == framework);
        var extensions = group.Elements().Where(d => d.Attribute("id")!.Value.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(extensions);
        Assert.All(extensions, d => Assert.Equal(version, d.Attribute("version")!.Value));
        Assert.Contains(group.Elements(), d => d.Attribute("id")!.Value == feed.Id("RealtimeKit.Generated"));
    }

    [Fact]
    public void The_testing_package_brings_the_aspnetcore_framework_and_the_sdk()
    {
        var nuspec = Nuspec("RealtimeKit.Testing");

        Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "frameworkReference" && e.Attribute("name")?.Value == "Microsoft.AspNetCore.App");
        Assert.Contains(nuspec.Descendants(), e => e.Name.LocalName == "dependency" && e.Attribute("id")?.Value == feed.Id("RealtimeKit"));
    }

    [Fact]
    public void The_cli_is_a_dotnet_tool_named_rtk()
    {
        var files = Entries("RealtimeKit.Cli");

        Assert.Contains(Nuspec("RealtimeKit.Cli").Descendants(), e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == "DotnetTool");
        var settings = files.Single(f => f.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(feed.File("RealtimeKit.Cli"));
        var command = XDocument.Load(zip.GetEntry(settings)!.Open()).Descendants("Command").Single();
        Assert.Equal("rtk", command.Attribute("Name")?.Value);
        Assert.Equal("rtk.dll", command.Attribute("EntryPoint")?.Value);
    }

    private static string Normalize(string framework) => framework switch
    {
        ".NETStandard2.0" => "netstandard2.0",
        _ => framework,
    };

    private XDocument Nuspec(string name)
    {
        using var zip = ZipFile.OpenRead(feed.File(name));
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private List<string> Entries(string name, string extension = "nupkg")
    {
        var path = feed.File(name, extension);
        Assert.True(File.Exists(path), $"{path} is missing; the feed holds: {string.Join(", ", Directory.GetFiles(feed.Folder).Select(Path.GetFileName))}");
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
