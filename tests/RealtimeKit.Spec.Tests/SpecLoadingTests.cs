using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Checking;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Spec.Tests;

public class SpecLoadingTests
{
    [Fact]
    public void The_spec_loads_with_no_errors_and_no_warnings()
    {
        var spec = SpecLoader.LoadFile(RepoPaths.Spec, "openapi/realtimekit.yaml");

        Assert.Empty(spec.Warnings);
        Assert.Equal("3.0.3", spec.Json["openapi"]!.GetValue<string>());
        var ids = SpecDocument.Operations().Select(o => o.Operation["operationId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        // Every operation of Cloudflare's published RealtimeKit description (62), no more.
        Assert.Equal(62, ids.Count);
    }

    [Fact]
    public void A_broken_spec_fails_to_load_with_its_yaml_line()
    {
        var yaml = File.ReadAllText(RepoPaths.Spec).Replace("    get:\n      operationId: getActiveSession", "    get:\n      operationId: [getActiveSession", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(yaml, "broken.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.StartsWith("broken.yaml(", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.True(diagnostic.Line > 20, diagnostic.ToString());
    }

    [Fact]
    public void Plain_scalars_follow_the_yaml_1_2_core_schema_and_quoted_ones_stay_strings()
    {
        var (json, _) = YamlToJson.Convert("a: 023e105f\nb: '12'\nc: 12\nd: 1.5\ne: yes\nf: true\ng: ~\nh: 2026-11-23\n", "t.yaml");

        Assert.Equal("023e105f", json["a"]!.GetValue<string>());
        Assert.Equal("12", json["b"]!.GetValue<string>());
        Assert.Equal(12L, json["c"]!.GetValue<long>());
        Assert.Equal(1.5, json["d"]!.GetValue<double>());
        Assert.Equal("yes", json["e"]!.GetValue<string>());
        Assert.True(json["f"]!.GetValue<bool>());
        Assert.Null(json["g"]);
        Assert.Equal("2026-11-23", json["h"]!.GetValue<string>());
    }

    [Fact]
    public void Source_map_places_a_pointer_on_its_yaml_line()
    {
        var (_, map) = YamlToJson.Convert("a:\n  b:\n    c: 1\n", "t.yaml");

        Assert.Equal((3, 5), map.Locate("#/a/b/c"));
        Assert.Equal((3, 5), map.Locate("/a/b/c/unknown/deeper"));
    }
}
