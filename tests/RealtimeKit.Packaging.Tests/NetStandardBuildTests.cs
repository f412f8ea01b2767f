using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;

namespace RealtimeKit.Packaging.Tests;

/// <summary>
/// The netstandard2.0 build's stand-ins for the .NET 8 members the facade calls (src/RealtimeKit/Compatibility), run
/// from the assembly in the package: a netstandard2.0 assembly loads on this runtime, in a context of its own.
/// </summary>
[Collection(PackageFeedGroup.Name)]
public sealed class NetStandardBuildTests(PackageFeed feed)
{
    [Fact]
    public void Replace_ignores_case_when_asked_and_replaces_every_occurrence()
    {
        var replace = Method("NetStandardInstances", "Replace", typeof(string), typeof(string), typeof(string), typeof(StringComparison));

        Assert.Equal("a/./b/..", replace.Invoke(null, ["a/%2E/b/%2e%2E", "%2e", ".", StringComparison.OrdinalIgnoreCase]));
        Assert.Equal("a/%2E/b/.%2E", replace.Invoke(null, ["a/%2E/b/%2e%2E", "%2e", ".", StringComparison.Ordinal]));
        Assert.Equal("unchanged", replace.Invoke(null, ["unchanged", "x", "y", StringComparison.Ordinal]));
    }

    [Fact]
    public void Contains_and_split_behave_as_on_net8()
    {
        var contains = Method("NetStandardInstances", "Contains", typeof(string), typeof(char), typeof(StringComparison));
        var split = Method("NetStandardInstances", "Split", typeof(string), typeof(char), typeof(int));

        Assert.Equal(true, contains.Invoke(null, ["https://x/?q", '?', StringComparison.Ordinal]));
        Assert.Equal(false, contains.Invoke(null, ["https://x/", '#', StringComparison.Ordinal]));
        Assert.Equal(new[] { "/a/b", "q=1?x" }, split.Invoke(null, ["/a/b?q=1?x", '?', 2]));
    }

    [Fact]
    public void Character_and_number_checks_match_the_framework()
    {
        var letterOrDigit = Method("NetStandardStatics", "IsAsciiLetterOrDigit", typeof(char));
        var finite = Method("NetStandardStatics", "IsFinite", typeof(double));

        foreach (var c in "aZ09-._~é ")
        {
            Assert.Equal(char.IsAsciiLetterOrDigit(c), letterOrDigit.Invoke(null, [c]));
        }

        foreach (var d in new[] { 0d, -1.5, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.Equal(double.IsFinite(d), finite.Invoke(null, [d]));
        }
    }

    [Fact]
    public void ThrowIfNull_names_the_argument()
    {
        var throwIfNull = Method("NetStandardStatics", "ThrowIfNull", typeof(object), typeof(string));

        var error = Assert.Throws<TargetInvocationException>(() => throwIfNull.Invoke(null, [null, "options"]));
        Assert.Equal("options", Assert.IsType<ArgumentNullException>(error.InnerException).ParamName);
        throwIfNull.Invoke(null, [new object(), "options"]);
    }

    private MethodInfo Method(string type, string name, params Type[] parameters)
    {
        var assembly = NetStandardFacade();
        var declaring = assembly.GetType($"RealtimeKit.Compatibility.{type}", throwOnError: true)!;
        return declaring.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, parameters)
            ?? throw new InvalidOperationException($"{type}.{name}({string.Join(", ", parameters.Select(p => p.Name))}) is not in the netstandard2.0 build.");
    }

    // The package's lib/netstandard2.0/RealtimeKit.dll, in a load context of its own (the test already has the net10.0 one).
    private Assembly NetStandardFacade()
    {
        using var zip = ZipFile.OpenRead(feed.File("RealtimeKit"));
        using var dll = zip.GetEntry("lib/netstandard2.0/RealtimeKit.dll")!.Open();
        using var bytes = new MemoryStream();
        dll.CopyTo(bytes);
        bytes.Position = 0;
        return new AssemblyLoadContext("netstandard2.0 facade", isCollectible: true).LoadFromStream(bytes);
    }
}
