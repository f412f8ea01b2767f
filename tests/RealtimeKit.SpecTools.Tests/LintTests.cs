using RealtimeKit.SpecTools.Lint;
using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>
/// The spec lint: Spectral 6.16.3 (tests/spectral, installed by the build's InstallLint task) with the project's
/// ruleset, findings at YAML line and column. Error-level rules fail the build; the current spec has none.
/// </summary>
public sealed class LintTests
{
    private static readonly string SpectralDirectory = Path.Combine(RepoPaths.Root, "tests", "spectral");
    private static readonly string Ruleset = Path.Combine(SpectralDirectory, "ruleset.yaml");

    // Spectral takes seconds to start: the broken fixture is linted once for all its tests.
    private static readonly Lazy<IReadOnlyList<LintFinding>> BrokenFindings = new(() => Lint(Broken));

    private static IReadOnlyList<LintFinding> Lint(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("rtk-lint-").FullName;
        try
        {
            var path = Path.Combine(folder, "spec.yaml");
            File.WriteAllText(path, yaml);
            return SpectralLint.Run(SpectralDirectory, Ruleset, path, "spec.yaml");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_spec_has_no_error_level_finding()
    {
        var findings = SpectralLint.Run(SpectralDirectory, Ruleset, RepoPaths.Spec, "openapi/realtimekit.yaml");

        Assert.True(findings.All(f => f.Severity != "error"), string.Join("\n", findings.Where(f => f.Severity == "error")));
    }

    // Every error rule broken once, each on a line of its own, plus the naming rules that only warn.
    private const string Broken = """
        openapi: 3.0.3
        info:
          title: Broken
          version: '1'
          description: Breaks every rule.
        servers:
          - url: https://api.example.com
        tags:
          - name: Things
            description: Things.
        components:
          securitySchemes:
            api_token:
              type: http
              scheme: bearer
            key:
              type: apiKey
              in: header
              name: X-Key
          schemas:
            RealtimeKitError:
              type: object
              properties:
                success:
                  type: boolean
        paths:
          /things/{ThingId}/Do_It:
            parameters:
              - name: ThingId
                in: path
                required: true
                schema:
                  type: string
            post:
              tags: [Others]
              description: No operationId, no summary.
              security:
                - key: []
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                    example: {}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                '404':
                  description: Missing
          /things:
            get:
              operationId: get_things
              summary: List
              description: Lists things.
              tags: [Things]
              security: []
              responses:
                '200':
                  description: OK
        """;

    [Theory]
    [InlineData("operation-operationId", "    post:")]
    [InlineData("rtk-operation-summary", "    post:")]
    [InlineData("operation-tag-defined", "      tags: [Others]")]
    [InlineData("rtk-bearer-security", "        - key: []")]
    [InlineData("rtk-request-examples", "          application/json:\n              schema:\n                type: object\n              example")]
    [InlineData("rtk-operation-id-style", "      operationId: get_things")]
    [InlineData("rtk-bearer-security", "      security: []")]
    public void An_error_rule_is_reported_as_an_error_at_its_YAML_line(string rule, string at)
    {
        var line = Fixture.LineOf(Broken, at.Split('\n')[0]);
        var findings = BrokenFindings.Value;

        Assert.Contains(findings, f => f.Rule == rule && f.Severity == "error" && Math.Abs(f.Line - line) <= 3);
    }

    [Fact]
    public void Missing_response_examples_are_errors_and_naming_and_error_body_rules_only_warn()
    {
        var findings = BrokenFindings.Value;

        Assert.Contains(findings, f => f.Rule == "rtk-response-examples" && f.Severity == "error");
        Assert.Contains(findings, f => f.Rule == "rtk-error-body" && f.Severity == "warning" && f.Line == Fixture.LineOf(Broken, "'404':"));
        Assert.Contains(findings, f => f.Rule == "rtk-path-segments" && f.Severity == "warning");
        Assert.Contains(findings, f => f.Rule == "rtk-parameter-names" && f.Severity == "warning");
        Assert.All(findings, f => Assert.StartsWith("spec.yaml(", f.ToString(), StringComparison.Ordinal));
    }
}
