using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Drift;
using RealtimeKit.SpecTools.Infrastructure;
using RealtimeKit.SpecTools.Reporting;
using RealtimeKit.SpecTools.Specs;
using RealtimeKit.SpecTools.Versioning;
using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>
/// The maintainer's loop, walked on a copy of the repository's spec and version file in a git repository of its
/// own: add a field, add an operation, make a field required, rename a field, break the YAML. After each edit it
/// checks what the check stage says, what the spec report classifies and which bump it asks for, and how the drift
/// report against a published description changes. (The public API part of the report needs builds; it is covered
/// by <see cref="ApiSurfaceTests"/>, and the loop runs with <c>--api skip</c>.)
/// </summary>
public sealed partial class MaintainerLoopTests : IDisposable
{
    private const string SpecRelative = "openapi/realtimekit.yaml";
    private const string NewPath = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}/active-session/lower-hands";

    // An operation the maintainer adds in step 2, which the published description already has.
    private const string NewOperation = $$"""
          {{NewPath}}:
            parameters:
              - $ref: '#/components/parameters/account_id'
              - $ref: '#/components/parameters/app_id'
              - $ref: '#/components/parameters/meeting_id'
            post:
              operationId: lowerAllHands
              tags: [Active Session]
              summary: Lower all raised hands
              description: Lowers every raised hand in the active session.
              security:
                - api_token: []
              responses:
                '200':
                  description: How many hands were lowered.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/KickAllResponse'
                      examples:
                        lowered:
                          summary: Hands lowered
                          value:
                            success: true
                            data:
                              action: action
                              kicked_participants_count: 0

        """;

    private readonly string _root = Directory.CreateTempSubdirectory("rtk-loop-").FullName;
    private readonly string _published;

    public MaintainerLoopTests()
    {
        var spec = File.ReadAllText(RepoPaths.Spec);
        Assert.DoesNotContain(NewPath, spec, StringComparison.Ordinal); // else pick another path for step 2
        Directory.CreateDirectory(Path.Combine(_root, "openapi"));
        File.WriteAllText(Path.Combine(_root, SpecRelative), spec);
        File.WriteAllText(Path.Combine(_root, VersionFile.RelativePath), File.ReadAllText(Path.Combine(RepoPaths.Root, VersionFile.RelativePath)));
        Git("init", "-q", "-b", "main");
        Commit("The spec as released");
        Git("checkout", "-q", "-b", "change");

        // "Published": the spec as it stands, plus the operation step 2 adds; as JSON, like Cloudflare's.
        var published = SpecFile.LoadChecked(WithNewOperation(spec), "published").Json;
        _published = published.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Each_spec_change_is_checked_classified_versioned_and_drift_checked()
    {
        // Before any change: nothing to report, and the only drift is the operation the spec lacks.
        var start = Report();
        Assert.Equal((0, VersionBump.None, 0), (start.SpecChanges.Count, start.RequiredBump, start.ExitCode));
        var drift = Drift();
        Assert.Equal(ChangeKind.OperationRemoved, Assert.Single(drift.Differences).Change.Kind);

        // 1. Add a field: an optional request field is a feature (a minor bump), reported on its YAML line.
        var spec = EditSchema(Spec, "CreatePollBody", block => block.Replace(
            "      properties:\n", "      properties:\n        duration:\n          type: integer\n          description: How long the poll stays open, in seconds.\n", StringComparison.Ordinal));
        Save(spec);
        Check(spec);
        var durationLine = LineInSchema(spec, "CreatePollBody", "        duration:");
        var report = Report();
        var added = Assert.Single(report.SpecChanges);
        Assert.Equal((ChangeKind.PropertyAdded, Impact.Feature, "CreatePollBody.duration"), (added.Classified.Change.Kind, added.Classified.Impact, added.Classified.Change.Subject));
        Assert.Equal((SpecRelative, durationLine, 9), (added.Location.File, added.Location.Line, added.Location.Column));
        Assert.Equal(["createPoll"], added.Classified.Change.Operations);
        Assert.Equal((VersionBump.Minor, "0.1.1", 0), (report.RequiredBump, report.SuggestedVersion!.ToString(), report.ExitCode));
        drift = Drift();
        var extraField = Assert.Single(drift.Differences, d => d.Change.Kind == ChangeKind.PropertyAdded);
        Assert.Equal(("Field `CreatePollBody.duration` is not in the published description", durationLine), (extraField.Message, extraField.Location.Line));
        Assert.Equal(2, drift.Differences.Count);
        Commit("Add a field");

        // 2. Add an operation: a feature on its line; the drift report no longer misses the published operation.
        spec = WithNewOperation(spec);
        Save(spec);
        Check(spec);
        report = Report();
        var operation = Assert.Single(report.SpecChanges, c => c.Classified.Change.Kind == ChangeKind.OperationAdded);
        Assert.Equal(("lowerAllHands", Impact.Feature), (operation.Classified.Change.Subject, operation.Classified.Impact));
        Assert.Equal(Fixture.LineOf(spec, NewPath) + 5, operation.Location.Line); // its `post:`
        Assert.Equal(VersionBump.Minor, report.RequiredBump);
        drift = Drift();
        Assert.Equal(ChangeKind.PropertyAdded, Assert.Single(drift.Differences).Change.Kind);
        Commit("Add an operation");

        // 3. Make a request field required: the generated code does not change, but callers that leave it out now
        // fail, so it is breaking, on the line and column of the new entry, and asks for a major bump.
        spec = EditSchema(spec, "CreatePollBody", block => ReplaceOnce(block, "required: [question, options]", "required: [question, options, anonymous]"));
        Save(spec);
        Check(spec);
        var requiredLine = LineInSchema(spec, "CreatePollBody", "required: [question, options, anonymous]");
        report = Report();
        var required = Assert.Single(report.SpecChanges, c => c.Classified.Change.Kind == ChangeKind.RequiredAdded);
        Assert.Equal((Impact.Breaking, Direction.Request, "CreatePollBody.anonymous"), (required.Classified.Impact, required.Classified.Change.Direction, required.Classified.Change.Subject));
        Assert.Equal((requiredLine, spec.Split('\n')[requiredLine - 1].IndexOf("anonymous", StringComparison.Ordinal) + 1), (required.Location.Line, required.Location.Column));
        Assert.Equal((VersionBump.Major, "0.2.0", true, 3), (report.RequiredBump, report.SuggestedVersion!.ToString(), report.BreakingWithoutBump, report.ExitCode));
        Assert.Contains("BREAKING CHANGE WITHOUT A MAJOR BUMP", SpecReportWriter.Summary(report), StringComparison.Ordinal);
        drift = Drift();
        Assert.Contains(drift.Differences, d => d.Message == "`CreatePollBody.anonymous` is required here, optional in the published description" && d.Location.Line == requiredLine);
        Commit("Make a field required");

        // CI compares with the previous commit: only this step's change, and the console names its line.
        var ci = Report("HEAD~1");
        Assert.Equal(ChangeKind.RequiredAdded, Assert.Single(ci.SpecChanges).Classified.Change.Kind);
        var (exit, output) = RunCommand("report", "--repo", _root, "--base", "HEAD~1", "--api", "skip", "--out", Path.Combine(_root, "artifacts"));
        Assert.Equal(3, exit);
        Assert.Contains($"{SpecRelative}({requiredLine},{required.Location.Column}): breaking: Request field CreatePollBody.anonymous is now required.", output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "artifacts", "spec-report.json")))!;
        Assert.Equal(("major", true), (json["summary"]!["requiredBump"]!.ToString(), (bool)json["summary"]!["breakingWithoutBump"]!));
        Assert.Contains("CreatePollBody.anonymous", File.ReadAllText(Path.Combine(_root, "artifacts", "spec-report-summary.md")), StringComparison.Ordinal);

        // A deliberate correction is marked in the spec, and the drift report sets it apart.
        var marked = EditSchema(spec, "CreatePollBody", block => ReplaceOnce(block, "      required: [question, options, anonymous]", "      # Differs from the published description: anonymous must be chosen explicitly.\n      required: [question, options, anonymous]"));
        Save(marked);
        drift = Drift();
        Assert.DoesNotContain(drift.Differences, d => d.Change.Kind == ChangeKind.RequiredAdded);
        Assert.Equal("anonymous must be chosen explicitly.", Assert.Single(drift.Corrections).Marker!.Reason);
        Save(spec);

        // 4. Rename a field: one breaking rename on the new name's line (not an RS0017 on PublicAPI.Shipped.txt);
        // the drift report misses the published name and does not know the new one.
        spec = EditSchema(spec, "CreatePollBody", block => ReplaceOnce(block, "        hide_votes:\n", "        hide_results:\n"));
        Save(spec);
        Check(spec);
        report = Report();
        var renamed = Assert.Single(report.SpecChanges, c => c.Classified.Change.Kind == ChangeKind.PropertyRenamed);
        Assert.Equal((Impact.Breaking, "hide_votes", "hide_results"), (renamed.Classified.Impact, renamed.Classified.Change.Before, renamed.Classified.Change.After));
        Assert.Equal(LineInSchema(spec, "CreatePollBody", "        hide_results:"), renamed.Location.Line);
        drift = Drift();
        Assert.Contains(drift.Differences, d => d.Message == "Published field `CreatePollBody.hide_votes` is missing");
        Assert.Contains(drift.Differences, d => d.Message == "Field `CreatePollBody.hide_results` is not in the published description");

        // The major bump the report asked for, in the one place the version is written, satisfies it.
        var props = Path.Combine(_root, VersionFile.RelativePath);
        File.WriteAllText(props, ReplaceOnce(File.ReadAllText(props), "<VersionPrefix>0.1.0</VersionPrefix>", "<VersionPrefix>0.2.0</VersionPrefix>"));
        report = Report();
        Assert.Equal((false, 0), (report.BreakingWithoutBump, report.ExitCode));
        var changelog = SpecReportWriter.ChangelogDraft(report);
        Assert.StartsWith("## 0.2.0 (unreleased)", changelog, StringComparison.Ordinal);
        Assert.Contains("### Breaking changes", changelog, StringComparison.Ordinal);
        Assert.Contains("Request field renamed from `hide_votes` to `hide_results`", changelog, StringComparison.Ordinal);
        Assert.Contains("### Added", changelog, StringComparison.Ordinal);

        // 5. Break the YAML: the check stage, the spec report and the drift report all stop on the same YAML line.
        var broken = EditSchema(spec, "CreatePollBody", block => ReplaceOnce(block, "          type: integer\n", "          type: integer\n         bad: indentation\n"));
        Save(broken);
        var brokenLine = LineInSchema(broken, "CreatePollBody", "         bad: indentation");
        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(broken, SpecRelative)).Diagnostics.Single();
        Assert.Equal((DiagnosticCodes.YamlSyntax, brokenLine), (error.Code, error.Line));
        report = Report();
        Assert.Equal((1, error.ToString()), (report.ExitCode, Assert.Single(report.Errors)));
        drift = Drift();
        Assert.Equal((1, error.ToString()), (drift.ExitCode, Assert.Single(drift.Errors)));
    }

    private string Spec => File.ReadAllText(Path.Combine(_root, SpecRelative));

    private void Save(string spec) => File.WriteAllText(Path.Combine(_root, SpecRelative), spec);

    // The check stage the build runs first: YAML → JSON → OpenAPI, every problem at its line.
    private static void Check(string spec) => SpecLoader.Load(spec, SpecRelative);

    private SpecReport Report(string? baseReference = null) =>
        SpecReport.Create(new SpecReportRequest(_root, baseReference, SpecRelative, Api: ApiComparison.Skip));

    private DriftReport Drift() => DriftReport.Create(Spec, SpecRelative, _published, "published.json");

    private static string WithNewOperation(string spec) => ReplaceOnce(spec, "\npaths:\n", "\npaths:\n" + NewOperation);

    private static string ReplaceOnce(string text, string oldText, string newText)
    {
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(oldText, at + 1, StringComparison.Ordinal) < 0, $"Expected '{oldText}' exactly once.");
        return text[..at] + newText + text[(at + oldText.Length)..];
    }

    // A component schema's block: its name line and every line indented deeper (or blank) after it.
    private static (int Start, int Length) SchemaBlock(string spec, string schema)
    {
        var match = new Regex($@"(?m)^    {schema}:\n(?:(?: {{6}}.*|[ ]*)\n)*").Match(spec);
        Assert.True(match.Success, $"No schema {schema} in the spec.");
        return (match.Index, match.Length);
    }

    private static string EditSchema(string spec, string schema, Func<string, string> edit)
    {
        var (start, length) = SchemaBlock(spec, schema);
        return spec[..start] + edit(spec.Substring(start, length)) + spec[(start + length)..];
    }

    private static int LineInSchema(string spec, string schema, string text)
    {
        var (start, length) = SchemaBlock(spec, schema);
        var at = spec.IndexOf(text, start, length, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not in {schema}.");
        return spec[..at].Count(c => c == '\n') + 1;
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    private void Git(params string[] arguments)
    {
        var result = ProcessRunner.Run("git", ["-c", "user.name=Maintainer", "-c", "user.email=maintainer@example.test", "-c", "commit.gpgsign=false", .. arguments], _root);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result.Error}");
    }

    private static (int Exit, string Output) RunCommand(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Commands.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (exit, output.ToString() + error);
    }
}
