using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;
using static RealtimeKit.Generator.Tests.SpecFixtures;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// The check that runs before Kiota: everything Kiota would let through with exit code 0 stops the build here,
/// with its code, on its YAML line.
/// </summary>
public class CheckStageTests
{
    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "invalid type", Operation("type: objekt"), DiagnosticCodes.OpenApiError, "type: objekt" },
        { "unknown keyword", Operation("type: string", "      summery: typo"), DiagnosticCodes.OpenApiError, "summery: typo" },
        { "broken $ref", Operation("$ref: '#/components/schemas/Missing'"), DiagnosticCodes.BrokenReference, "$ref: '#/components/schemas/Missing'" },
        { "external $ref", Operation("$ref: 'other.yaml#/components/schemas/Thing'"), DiagnosticCodes.BrokenReference, "$ref: 'other.yaml" },
        { "yaml duplicate key", Operation("type: string\ntype: integer"), DiagnosticCodes.YamlSyntax, "type: integer" },
        { "yaml merge key", Operation("type: object\nproperties:\n  a:\n    <<: {type: string}"), DiagnosticCodes.YamlUnsupported, "<<:" },
        { "yaml infinity", Operation("type: number\nmaximum: .inf"), DiagnosticCodes.YamlUnsupported, ".inf" },
        { "yaml indentation", Operation("type: object\nproperties:\n  a:\n    type: string\n   b: 1"), DiagnosticCodes.YamlSyntax, "   b: 1" },
        { "yaml unclosed bracket", Operation("type: [string"), DiagnosticCodes.YamlSyntax, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_problem_kiota_lets_through_is_an_error_on_its_yaml_line(string name, string yaml, string code, string? marker)
    {
        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(yaml, "fixture.yaml"));

        var diagnostic = error.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(diagnostic is not null, $"{name}: expected {code}, got:\n{error.Message}");
        Assert.StartsWith($"fixture.yaml({diagnostic.Line},{diagnostic.Column}): error {code}: ", diagnostic.ToString(), StringComparison.Ordinal);
        if (marker is not null)
        {
            Assert.True(LineOf(yaml, marker) == diagnostic.Line, $"{name}: expected line {LineOf(yaml, marker)} ('{marker}'), got {diagnostic}");
        }
    }

    [Fact]
    public void A_broken_ref_names_the_missing_target()
    {
        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(Operation("$ref: '#/components/schemas/Missing'"), "fixture.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains("'#/components/schemas/Missing' does not point to anything", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_in_a_spec_is_reported_at_once_in_file_order()
    {
        var yaml = Operation("type: object\nproperties:\n  a:\n    $ref: '#/components/schemas/Gone'\n  b:\n    type: objekt\n  c:\n    $ref: '#/components/schemas/AlsoGone'");

        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(yaml, "fixture.yaml"));

        Assert.Equal(
            [LineOf(yaml, "Gone'"), LineOf(yaml, "type: objekt"), LineOf(yaml, "AlsoGone")],
            error.Diagnostics.Select(d => d.Line));
    }

    [Theory]
    [InlineData("oneOf:\n  - type: string\n  - type: integer")]
    [InlineData("anyOf:\n  - type: string\n  - $ref: '#/components/schemas/Thing'")]
    [InlineData("type: object\nadditionalProperties:\n  type: string")]
    [InlineData("type: array\nitems:\n  type: array\n  items:\n    type: string")]
    [InlineData("$ref: '#/components/schemas/Thing'")]
    public void Constructs_kiota_supports_pass_the_check(string schema)
    {
        var spec = SpecLoader.Load(Operation(schema), "fixture.yaml");

        Assert.Empty(spec.Warnings);
    }

    [Fact]
    public void Microsoft_OpenApi_pointers_that_run_paths_together_are_repaired_to_the_real_place()
    {
        var yaml = Operation("type: string") + "    Broken:\n      type: objekt\n";
        var (_, map) = YamlToJson.Convert(yaml, "fixture.yaml");
        // What Microsoft.OpenApi 3.11 reports: every path key before the component is still on the pointer.
        const string Reported = "#/paths/~1things/get/components/schemas/Broken/type";

        var repaired = SpecLoader.RepairPointer(Reported, "Invalid schema type identifier: objekt", map);

        Assert.Equal("/components/schemas/Broken/type", repaired);
        Assert.Equal(LineOf(yaml, "type: objekt"), map.Locate(repaired).Line);
    }
}
