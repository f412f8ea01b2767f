using System.Text.Json.Nodes;
using RealtimeKit.SpecTools.Api;
using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Reporting;
using RealtimeKit.SpecTools.Specs;
using RealtimeKit.SpecTools.Versioning;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>The spec report as people (Markdown, the pull request summary, the changelog draft) and tools (JSON) read it.</summary>
public sealed class ReportWriterTests
{
    private static SpecReport Report()
    {
        var renamed = new SpecChange(ChangeKind.PropertyRenamed, Direction.Request, "CreatePollBody.hide_results")
        {
            NewPointer = "/components/schemas/CreatePollBody/properties/hide_results",
            Before = "hide_votes",
            After = "hide_results",
        };
        renamed.Operations.Add("createPoll");
        return new SpecReport
        {
            BaseReference = "main",
            BaseCommit = "0123456789abcdef",
            SpecPath = "openapi/realtimekit.yaml",
            SpecChanges = [new ReportedChange(ChangeClassifier.Classify(renamed), ChangeText.AsEvolution(renamed), new SourceLocation("openapi/realtimekit.yaml", 770, 9), new SourceLocation("openapi/realtimekit.yaml@0123456789", 768, 9))],
            ApiCompared = true,
            ApiChanges =
            [
                new ApiChange("RealtimeKit.Generated", ApiChangeKind.Removed, "RealtimeKit.Generated.Models.CreatePollBody.HideVotes.get -> bool?", null, true, "Removed."),
                new ApiChange("RealtimeKit.Generated", ApiChangeKind.Added, null, "RealtimeKit.Generated.Models.CreatePollBody.HideResults.get -> bool?", false, "Added."),
            ],
            BaseVersion = SemanticVersion.Parse("0.1.0"),
            CurrentVersion = SemanticVersion.Parse("0.1.0"),
            RequiredBump = VersionBump.Major,
        };
    }

    [Fact]
    public void The_markdown_places_each_change_on_its_line_shows_the_API_diff_and_drafts_the_changelog()
    {
        var markdown = SpecReportWriter.Markdown(Report());

        Assert.Contains("| **breaking** | Request field renamed from `hide_votes` to `hide_results` (`CreatePollBody.hide_results`) | openapi/realtimekit.yaml:770 (was openapi/realtimekit.yaml@0123456789:768) | createPoll |", markdown, StringComparison.Ordinal);
        Assert.Contains("- RealtimeKit.Generated.Models.CreatePollBody.HideVotes.get -> bool?\n+ RealtimeKit.Generated.Models.CreatePollBody.HideResults.get -> bool?", markdown.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("BREAKING CHANGE WITHOUT A MAJOR BUMP: set <VersionPrefix> in Directory.Build.props to 0.2.0 or later.", markdown, StringComparison.Ordinal);
        Assert.Contains("## 0.2.0 (unreleased)", markdown, StringComparison.Ordinal);
        Assert.Contains("- RealtimeKit.Generated: removed `RealtimeKit.Generated.Models.CreatePollBody.HideVotes.get -> bool?`.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pull_request_summary_is_short_and_carries_the_API_diff()
    {
        var summary = SpecReportWriter.PullRequestSummary(Report());

        Assert.StartsWith("<!-- realtimekit-spec-report -->", summary, StringComparison.Ordinal);
        Assert.Contains("openapi/realtimekit.yaml:770", summary, StringComparison.Ordinal);
        Assert.Contains("1 added, 1 removed, 0 changed public API entries (1 breaking)", summary, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Public API diff</summary>", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_API_entries_the_build_reported_but_nobody_recorded_are_counted_with_the_command_to_run()
    {
        var report = Report();
        var pending = new SpecReport
        {
            BaseReference = report.BaseReference,
            BaseCommit = report.BaseCommit,
            SpecPath = report.SpecPath,
            UnrecordedApiEntries = 3,
        };

        Assert.Contains("3 public API entries are not recorded in the PublicAPI files yet (run `dotnet cake --target=AcceptApi` after review).", SpecReportWriter.Summary(pending), StringComparison.Ordinal);
        Assert.DoesNotContain("not recorded", SpecReportWriter.Summary(report), StringComparison.Ordinal);
    }

    [Fact]
    public void The_JSON_carries_the_summary_each_located_change_and_the_API_changes()
    {
        var json = JsonNode.Parse(SpecReportWriter.Json(Report()))!;

        Assert.Equal("major", json["summary"]!["requiredBump"]!.ToString());
        Assert.Equal("0.2.0", json["summary"]!["suggestedVersion"]!.ToString());
        Assert.True((bool)json["summary"]!["breakingWithoutBump"]!);
        var change = json["specChanges"]![0]!;
        Assert.Equal(("PropertyRenamed", "breaking", 770), (change["kind"]!.ToString(), change["impact"]!.ToString(), (int)change["location"]!["line"]!));
        Assert.Equal("removed", json["api"]!["changes"]![0]!["kind"]!.ToString());
    }
}
