using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Loading;

namespace RealtimeKit.Generator.Tests;

/// <summary>Every unsupported or broken construct stops generation with its code, on its YAML line.</summary>
public class FailureTests
{
    private const string Head = """
        openapi: 3.0.3
        info:
          title: Failure fixture
          version: '1'
        paths:
        """;

    private static string Operation(string responseSchema, string extra = "") => Head + $$"""

          /things:
            get:
              summary: Get things
        {{extra}}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
        {{Indent(responseSchema, 16)}}
        """;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        {
            "oneOf",
            Operation("oneOf:\n  - type: string\n  - type: integer"),
            DiagnosticCodes.UnsupportedSchema, "oneOf:"
        },
        {
            "anyOf",
            Operation("anyOf:\n  - type: string"),
            DiagnosticCodes.UnsupportedSchema, "anyOf:"
        },
        {
            "not",
            Operation("type: object\nnot:\n  type: string"),
            DiagnosticCodes.UnsupportedSchema, "not:"
        },
        {
            "array of arrays",
            Operation("type: array\nitems:\n  type: array\n  items:\n    type: string"),
            DiagnosticCodes.UnsupportedSchema, "items:"
        },
        {
            "integer enum",
            Operation("type: object\nproperties:\n  level:\n    type: integer\n    enum: [1, 2]"),
            DiagnosticCodes.UnsupportedSchema, "enum: [1, 2]"
        },
        {
            "map",
            Operation("type: object\nadditionalProperties:\n  type: string"),
            DiagnosticCodes.UnsupportedSchema, "additionalProperties:"
        },
        {
            "property collision",
            Operation("type: object\nproperties:\n  foo_bar:\n    type: string\n  fooBar:\n    type: string"),
            DiagnosticCodes.NameCollision, "fooBar:"
        },
        {
            "header parameter",
            Operation("type: string", "      parameters:\n        - name: X-Trace\n          in: header\n          schema:\n            type: string"),
            DiagnosticCodes.UnsupportedParameter, "- name: X-Trace"
        },
        {
            "non-JSON response",
            Head + "\n  /things:\n    get:\n      summary: Text\n      responses:\n        '200':\n          description: OK\n          content:\n            text/plain:\n              schema:\n                type: string\n",
            DiagnosticCodes.UnsupportedMediaType, "content:"
        },
        {
            "mixed segment",
            Head + "\n  /files/{name}.json:\n    get:\n      summary: File\n      parameters:\n        - name: name\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '204':\n          description: OK\n",
            DiagnosticCodes.UnsupportedPath, "/files/{name}.json:"
        },
        {
            "root path operation",
            Head + "\n  /:\n    get:\n      summary: Root\n      responses:\n        '204':\n          description: OK\n",
            DiagnosticCodes.UnsupportedPath, "  /:"
        },
        {
            "same path twice",
            Head + "\n  /things:\n    get:\n      summary: A\n      responses:\n        '204':\n          description: OK\n  /things/:\n    post:\n      summary: B\n      responses:\n        '204':\n          description: OK\n",
            DiagnosticCodes.UnsupportedPath, "  /things/:"
        },
        {
            "unknown keyword",
            Operation("type: string", "      summery: typo"),
            DiagnosticCodes.OpenApiError, "summery: typo"
        },
        {
            "yaml merge key",
            Operation("type: object\nproperties:\n  a:\n    <<: {type: string}"),
            DiagnosticCodes.YamlUnsupported, "<<:"
        },
        {
            "yaml infinity",
            Operation("type: number\nmaximum: .inf"),
            DiagnosticCodes.YamlUnsupported, ".inf"
        },
        {
            "yaml duplicate key",
            Operation("type: string\ntype: integer"),
            DiagnosticCodes.YamlSyntax, "type: integer"
        },
        {
            "yaml syntax",
            Operation("type: [string"),
            DiagnosticCodes.YamlSyntax, null!
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_construct_is_reported_with_its_code_on_its_line(string name, string yaml, string code, string marker)
    {
        var error = Assert.Throws<SpecException>(() => ClientGenerator.GenerateFiles(SpecLoader.Load(yaml, "fixture.yaml"), "Fixture", "FixtureClient"));

        var diagnostic = error.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(diagnostic is not null, $"{name}: expected {code}, got:\n{error.Message}");
        Assert.StartsWith($"fixture.yaml({diagnostic.Line},{diagnostic.Column}): error {code}: ", diagnostic.ToString(), StringComparison.Ordinal);
        if (marker is not null)
        {
            Assert.True(LineOf(yaml, marker) == diagnostic.Line, $"{name}: expected line {LineOf(yaml, marker)} ('{marker}'), got {diagnostic}");
        }
    }

    [Fact]
    public void A_broken_ref_is_reported_on_the_ref()
    {
        var yaml = Operation("$ref: '#/components/schemas/Missing'");

        var error = Assert.Throws<SpecException>(() => ClientGenerator.GenerateFiles(SpecLoader.Load(yaml, "fixture.yaml"), "Fixture", "FixtureClient"));

        Assert.Contains(error.Diagnostics, d => d.Line == LineOf(yaml, "$ref: '#/components/schemas/Missing'") && d.Message.Contains("Missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_a_spec_is_reported_at_once()
    {
        var yaml = Operation("type: object\nproperties:\n  a:\n    oneOf: [{type: string}]\n  b:\n    anyOf: [{type: string}]");

        var error = Assert.Throws<SpecException>(() => ClientGenerator.GenerateFiles(SpecLoader.Load(yaml, "fixture.yaml"), "Fixture", "FixtureClient"));

        Assert.Equal(2, error.Diagnostics.Count);
    }

    private static int LineOf(string yaml, string marker) =>
        yaml.Split('\n').Select((line, i) => (line, i)).First(x => x.line.Contains(marker, StringComparison.Ordinal)).i + 1;

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => new string(' ', spaces) + l));
}
