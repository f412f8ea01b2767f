using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Kiota;
using static RealtimeKit.Generator.Tests.SpecFixtures;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// The check stage's parts one at a time: JSON pointers (escapes, percent-encoding, array indexes), locating a pointer
/// in the YAML, repairing Microsoft.OpenApi's run-together pointers, the reference check's messages, and reading Kiota's log.
/// </summary>
public class CheckingPartsTests
{
    private static readonly JsonNode Tree = JsonNode.Parse("""{"paths":{"/a/b":{"get":{"x~y":1}}},"list":[10,20],"n":null,"s":"text"}""")!;

    [Theory]
    [InlineData("#/paths/~1a~1b/get/x~0y", "1")]
    [InlineData("/paths/~1a~1b/get/x~0y", "1")]
    [InlineData("#/paths/%7E1a%7E1b/get", """{"x~y":1}""")]
    [InlineData("#/list/1", "20")]
    [InlineData("#/list/0", "10")]
    [InlineData("#/list/2", null)]
    [InlineData("#/list/-1", null)]
    [InlineData("#/list/+1", null)]
    [InlineData("#/list/x", null)]
    [InlineData("#/n", null)]
    [InlineData("#/s/0", null)]
    [InlineData("#/missing/deeper", null)]
    [InlineData("#", """{"paths":{"/a/b":{"get":{"x~y":1}}},"list":[10,20],"n":null,"s":"text"}""")]
    public void Pointers_resolve_with_escapes_and_array_indexes(string pointer, string? json)
    {
        Assert.Equal(json, JsonPointer.Resolve(Tree, pointer)?.ToJsonString());
    }

    [Fact]
    public void A_pointer_is_located_at_its_value_or_its_nearest_known_parent()
    {
        var (_, map) = YamlToJson.Convert("a:\n  b:\n    c: 1\n", "spec.yaml");

        Assert.Equal((3, 5), map.Locate("#/a/b/c"));
        Assert.Equal((3, 5), map.Locate("/a/b/c/"));
        Assert.Equal((3, 5), map.Locate("spec.yaml#/a/b/c"));
        Assert.Equal((2, 3), map.Locate("/a/b/unknown/deeper"));
        Assert.Equal(map.Locate(string.Empty), map.Locate("/nothing"));
        Assert.Equal(map.Locate(string.Empty), map.Locate(null));
        Assert.Equal((1, 1), new SourceMap("empty.yaml").Locate("/a/b"));
        Assert.Equal((1, 1), new SourceMap("empty.yaml").Locate("a"));
    }

    [Theory]
    [InlineData("a/b", "a~1b")]
    [InlineData("a~b", "a~0b")]
    [InlineData("~/", "~0~1")]
    [InlineData("plain", "plain")]
    public void Pointer_segments_are_escaped_per_rfc_6901(string segment, string escaped)
    {
        Assert.Equal(escaped, SourceMap.Escape(segment));
    }

    [Fact]
    public void A_run_together_pointer_is_repaired_to_its_longest_tail_that_exists()
    {
        var (_, map) = YamlToJson.Convert(Operation("type: object\nproperties:\n  site:\n    type: string"), "spec.yaml");

        // A tail that lost its /paths prefix, with a property the message names.
        Assert.Equal("/paths/~1things/get/summary", SpecLoader.RepairPointer("#/x/~1things/get", "summary is not a valid property", map));
        // The named property does not exist: the place it was reported on.
        Assert.Equal("/paths/~1things/get", SpecLoader.RepairPointer("#/x/~1things/get", "nosuch is not a valid property", map));
        // Under /components when the tail lost it.
        Assert.Equal("/components/schemas/Thing/type", SpecLoader.RepairPointer("#/paths/~1things/get/schemas/Thing/type", "bad", map));
        // Nothing of it exists: the pointer as given, without the hash.
        Assert.Equal("/no/such/place", SpecLoader.RepairPointer("#/no/such/place", "bad", map));
        Assert.Equal(string.Empty, SpecLoader.RepairPointer(null, "bad", map));
        Assert.Equal(string.Empty, SpecLoader.RepairPointer(string.Empty, "bad", map));
    }

    [Fact]
    public void A_reference_outside_the_file_and_one_to_nothing_say_what_was_expected_at_the_reference()
    {
        var yaml = Operation("allOf:\n  - $ref: '#/components/schemas/Thing'\n  - $ref: '#/components/schemas/Gone'\n  - $ref: 'other.yaml#/components/schemas/Thing'");

        var errors = Assert.Throws<SpecException>(() => SpecLoader.Load(yaml, "spec.yaml")).Diagnostics;

        Assert.Equal(
            [
                new SpecDiagnostic(DiagnosticCodes.BrokenReference, "The reference '#/components/schemas/Gone' does not point to anything in the spec; expected an existing '#/components/schemas/...' entry.", "spec.yaml", LineOf(yaml, "Gone"), 21),
                new SpecDiagnostic(DiagnosticCodes.BrokenReference, "The reference 'other.yaml#/components/schemas/Thing' points outside this file; the spec must be one self-contained document (expected '#/components/...').", "spec.yaml", LineOf(yaml, "other.yaml"), 21),
            ],
            errors);
    }

    [Fact]
    public void Errors_on_one_line_come_in_column_order()
    {
        var yaml = Operation("allOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}, {$ref: '#/components/schemas/C'}]");

        var errors = Assert.Throws<SpecException>(() => SpecLoader.Load(yaml, "spec.yaml")).Diagnostics;

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal(LineOf(yaml, "allOf"), e.Line));
        Assert.Equal(errors.Select(e => e.Column).Order(), errors.Select(e => e.Column));
        Assert.EndsWith("schemas/A' does not point to anything in the spec; expected an existing '#/components/schemas/...' entry.", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("schemas/C'", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loaded_spec_places_a_diagnostic_at_a_pointer_and_reads_json_there()
    {
        var yaml = Operation("$ref: '#/components/schemas/Thing'");
        var spec = SpecLoader.Load(yaml, "spec.yaml");

        Assert.Equal(new SpecDiagnostic("RTKGEN999", "about summary", "spec.yaml", LineOf(yaml, "summary:"), 7, IsWarning: true), spec.At("/paths/~1things/get/summary", "RTKGEN999", "about summary", isWarning: true));
        Assert.False(spec.At("/paths", "RTKGEN999", "m").IsWarning);
        Assert.Equal("Get things", spec.JsonAt("/paths/~1things/get/summary")!.GetValue<string>());
        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void A_spec_file_that_cannot_be_read_is_an_error_naming_it_as_displayed()
    {
        var missing = Path.Combine(Path.GetTempPath(), "rtkgen-missing-" + Guid.NewGuid().ToString("N"), "spec.yaml");

        var shown = Assert.Single(Assert.Throws<SpecException>(() => SpecLoader.LoadFile(missing, "openapi/spec.yaml")).Diagnostics);
        var asGiven = Assert.Single(Assert.Throws<SpecException>(() => SpecLoader.LoadFile(missing)).Diagnostics);

        Assert.Equal(DiagnosticCodes.Io, shown.Code);
        Assert.Equal(("openapi/spec.yaml", 1, 1), (shown.File, shown.Line, shown.Column));
        Assert.StartsWith("Cannot read the spec: Could not find a part of the path", shown.Message, StringComparison.Ordinal);
        Assert.Equal(missing, asGiven.File);
    }

    [Fact]
    public void Kiota_runs_with_updates_telemetry_and_tutorials_off()
    {
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                ["DOTNET_NOLOGO"] = "1",
                ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true",
                ["KIOTA_OFFLINE_ENABLED"] = "true",
                ["KIOTA_TUTORIAL_ENABLED"] = "false",
                ["KIOTA_UPDATE__DISABLED"] = "true",
            },
            KiotaSettings.Environment);
    }

    [Theory]
    [InlineData("warn:\n      the text\n      goes on", false, "the text goes on")]
    [InlineData("fail: Kiota.Builder.KiotaBuilder[534942631]\n      broken", true, "broken")]
    [InlineData("crit: inline text", true, "inline text")]
    public void A_log_entry_is_its_level_and_its_lines_joined(string log, bool isError, string message)
    {
        Assert.Equal(new KiotaLogEntry(isError, message), Assert.Single(KiotaLog.Parse(log)));
    }

    [Fact]
    public void The_fingerprint_changes_with_the_spec_text_and_the_version_but_not_with_line_endings()
    {
        var folder = Directory.CreateTempSubdirectory("rtkgen-").FullName;
        try
        {
            string Of(string text, string version = "1.38.0")
            {
                var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".yaml");
                File.WriteAllText(path, text);
                return GenerationPipeline.Fingerprint(path, version);
            }

            Assert.Equal(Of("a: 1\nb: 2\n"), Of("a: 1\r\nb: 2\r\n"));
            Assert.NotEqual(Of("a: 1\nb: 2\n"), Of("a: 1b: 2"));
            Assert.NotEqual(Of("a: 1\n"), Of("a: 1\n", "1.39.0"));
            Assert.Matches("^[0-9a-f]{64}$", Of("a: 1\n"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
