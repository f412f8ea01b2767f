using System.Text.Json.Nodes;
using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// YAML to JSON with the YAML 1.2 core schema: what each plain scalar becomes, what has no JSON meaning (each refused
/// at its line and column), and where every value stood.
/// </summary>
public class YamlToJsonTests
{
    [Theory]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("Null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("", "null")]
    [InlineData("nULL", "\"nULL\"")]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("false", "false")]
    [InlineData("False", "false")]
    [InlineData("FALSE", "false")]
    [InlineData("yes", "\"yes\"")] // YAML 1.1's booleans are strings in 1.2
    [InlineData("off", "\"off\"")]
    [InlineData("+12", "12")]
    [InlineData("-3", "-3")]
    [InlineData("007", "7")]
    [InlineData("0o17", "15")]
    [InlineData("0o18", "\"0o18\"")]
    [InlineData("0o", "\"0o\"")]
    [InlineData("o17", "\"o17\"")]
    [InlineData("-007", "-7")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("0o777777777777777777777777", "4722366482869645213695")]
    [InlineData("0x1F", "31")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", "4722366482869645213695")]
    [InlineData("0xZZ", "\"0xZZ\"")]
    [InlineData("1.5", "1.5")]
    [InlineData(".5", "0.5")]
    [InlineData("-2.", "-2")]
    [InlineData("1e3", "1000")]
    [InlineData("2.5E-1", "0.25")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("\"5\"", "\"5\"")]
    [InlineData("'true'", "\"true\"")]
    [InlineData("\"null\"", "\"null\"")]
    [InlineData("!!str 5", "\"5\"")]
    [InlineData("! 5", "\"5\"")]
    [InlineData("|\n    block\n", "\"block\\n\"")]
    [InlineData("plain text", "\"plain text\"")]
    public void Plain_scalars_resolve_by_the_core_schema_and_quoted_ones_stay_strings(string yaml, string json)
    {
        var (converted, _) = YamlToJson.Convert("v: " + yaml + "\n", "spec.yaml");

        Assert.Equal(json, converted["v"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData("+.INF")]
    [InlineData(".nan")]
    [InlineData(".NaN")]
    [InlineData(".NAN")]
    public void Infinities_and_nan_have_no_json_form(string value)
    {
        var error = Refused($"a: 1\nb: {value}\n");

        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.YamlUnsupported, $"'{value}' has no JSON representation.", "spec.yaml", 2, 4), error);
    }

    [Fact]
    public void A_tag_other_than_str_is_refused_naming_it()
    {
        Assert.Equal(
            new SpecDiagnostic(DiagnosticCodes.YamlUnsupported, "YAML tag 'tag:yaml.org,2002:int' is not supported; only plain, quoted and !!str scalars are.", "spec.yaml", 1, 4),
            Refused("a: !!int 5\n"));
    }

    [Fact]
    public void A_duplicate_key_is_refused_at_the_second_one_also_when_only_its_quoting_differs()
    {
        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "Duplicate key a", "spec.yaml", 3, 1), Refused("a: 1\nb: 2\na: 3\n"));
        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "Duplicate key a", "spec.yaml", 2, 1), Refused("a: 1\n'a': 2\n"));
    }

    [Fact]
    public void Merge_keys_are_refused_but_a_quoted_key_spelled_the_same_is_a_key()
    {
        Assert.Equal(
            new SpecDiagnostic(DiagnosticCodes.YamlUnsupported, "YAML merge keys ('<<') are not supported; write the properties out or use $ref.", "spec.yaml", 4, 3),
            Refused("base: &b\n  x: 1\no:\n  <<: *b\n"));
        Assert.Equal(1, YamlToJson.Convert("'<<': 1\n", "spec.yaml").Json["<<"]!.GetValue<int>());
    }

    [Fact]
    public void A_key_that_is_not_a_scalar_is_refused()
    {
        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.YamlUnsupported, "Mapping keys must be plain scalars.", "spec.yaml", 1, 3), Refused("? [a, b]\n: 1\n"));
    }

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", 2)]
    [InlineData("", 0)]
    [InlineData("# only a comment\n", 0)]
    public void Anything_but_one_document_is_refused(string yaml, int documents)
    {
        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, $"Expected exactly one YAML document, found {documents}.", "spec.yaml", 1, 1), Refused(yaml));
    }

    [Fact]
    public void A_document_with_no_value_is_refused_as_empty()
    {
        Assert.Equal(new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "The document is empty.", "spec.yaml", 1, 1), Refused("---\n...\n"));
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_a_cycle_json_cannot_hold()
    {
        Assert.Equal(
            new SpecDiagnostic(DiagnosticCodes.YamlUnsupported, "A YAML alias refers to a node that contains it; JSON cannot represent the cycle.", "spec.yaml", 1, 4),
            Refused("a: &x\n  b: *x\n"));
    }

    [Fact]
    public void An_alias_used_twice_is_the_same_value_twice_not_a_cycle()
    {
        var (json, _) = YamlToJson.Convert("a: &x {k: 1}\nb: *x\nc: [*x, *x]\n", "spec.yaml");

        Assert.Equal("""{"a":{"k":1},"b":{"k":1},"c":[{"k":1},{"k":1}]}""", json.ToJsonString());
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_the_parser_stopped()
    {
        // YamlDotNet's scanner gives up here without a message or position of its own: the last event read places it.
        Assert.Equal(
            new SpecDiagnostic(DiagnosticCodes.YamlSyntax, "Unexpected end of a YAML construct (an unclosed bracket or quote?).", "spec.yaml", 2, 5),
            Refused("a: 1\nb: [1, 2\nc: 3\n"));
    }

    [Fact]
    public void Every_value_of_mappings_and_sequences_is_located_at_its_key_or_item()
    {
        var (_, map) = YamlToJson.Convert("a:\n  list:\n    - x\n    - {k: v}\n    - [y, z]\nb/c~d: 1\n", "spec.yaml");

        Assert.Equal((2, 3), map.Locate("/a/list"));
        Assert.Equal((3, 7), map.Locate("/a/list/0"));
        Assert.Equal((4, 7), map.Locate("/a/list/1"));
        Assert.Equal((4, 8), map.Locate("/a/list/1/k"));
        Assert.Equal((5, 7), map.Locate("/a/list/2"));
        Assert.Equal((5, 11), map.Locate("/a/list/2/1"));
        Assert.Equal((6, 1), map.Locate("/b~1c~0d"));
        Assert.True(map.Contains(string.Empty));
    }

    private static SpecDiagnostic Refused(string yaml) =>
        Assert.Single(Assert.Throws<SpecException>(() => YamlToJson.Convert(yaml, "spec.yaml")).Diagnostics);
}

