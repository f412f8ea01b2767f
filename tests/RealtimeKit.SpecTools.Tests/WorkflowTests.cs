using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RealtimeKit.Generator.Checking;
using RealtimeKit.TestSupport;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>The CI workflow file: valid YAML of the shape GitHub Actions reads, running and uploading what the project needs.</summary>
public sealed partial class WorkflowTests
{
    private static readonly string WorkflowPath = Path.Combine(RepoPaths.Root, ".github", "workflows", "ci.yml");
    private static readonly string Text = File.ReadAllText(WorkflowPath);

    // YamlDotNet through the generator's converter: a syntax error fails here with its line.
    private static readonly JsonObject Workflow = YamlToJson.Convert(Text, ".github/workflows/ci.yml").Json.AsObject();

    private static JsonArray Steps => Workflow["jobs"]!["build"]!["steps"]!.AsArray();

    private static JsonObject Step(string nameStart) =>
        Steps.OfType<JsonObject>().Single(s => s["name"]!.ToString().StartsWith(nameStart, StringComparison.Ordinal));

    [Fact]
    public void The_workflow_has_a_name_triggers_and_jobs_whose_steps_each_run_or_use_one_thing()
    {
        Assert.False(string.IsNullOrWhiteSpace(Workflow["name"]?.ToString()));
        Assert.NotNull(Workflow["on"]!["push"]);
        Assert.True(Workflow["on"]!.AsObject().ContainsKey("pull_request"));
        foreach (var (name, job) in Workflow["jobs"]!.AsObject())
        {
            Assert.NotNull(job!["runs-on"]);
            Assert.All(job["steps"]!.AsArray(), step =>
            {
                var s = step!.AsObject();
                Assert.True(s.ContainsKey("run") ^ s.ContainsKey("uses"), $"A step of job {name} must have exactly one of run and uses: {s.ToJsonString()}");
                Assert.All(s.Select(p => p.Key), key => Assert.Contains(key, new[] { "name", "id", "if", "run", "uses", "with", "env", "continue-on-error", "shell", "working-directory", "timeout-minutes" }));
                if (s["uses"]?.ToString() is { } uses)
                {
                    Assert.Matches(@"^[\w-]+/[\w-]+@v\d+$", uses);
                }
            });
        }
    }

    [Fact]
    public void Every_expression_is_closed_and_names_a_known_context()
    {
        var opened = Text.Split("${{").Length - 1;
        var expressions = Expression().Matches(Text).Select(m => m.Groups[1].Value.Trim()).ToList();

        Assert.Equal(opened, expressions.Count);
        Assert.All(expressions, e => Assert.Matches(@"^(github|steps|env|secrets|always\(\)|hashFiles\()", e));
        // `if:` conditions are expressions without the braces.
        Assert.All(Steps.OfType<JsonObject>().Where(s => s.ContainsKey("if")), s => Assert.DoesNotContain("${{", s["if"]!.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void It_runs_ci_run_the_spec_report_against_the_base_branch_and_pack_on_full_history()
    {
        Assert.Equal(0, (int)Step("Check out")["with"]!["fetch-depth"]!);
        Assert.Equal("bash .ci/run", Step("Build, lint and test")["run"]!.ToString());
        var report = Step("Spec report against the base branch");
        Assert.Contains("--target=SpecReport", report["run"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("--base=origin/${{ github.base_ref }}", report["run"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("--target=Pack", Step("Pack")["run"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void It_uploads_the_reports_test_results_and_packages_even_after_a_failure()
    {
        var upload = Steps.OfType<JsonObject>().Single(s => s["uses"]?.ToString().StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        var paths = upload["with"]!["path"]!.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal("always()", upload["if"]!.ToString());
        Assert.Contains("artifacts/spec-report.md", paths);
        Assert.Contains("artifacts/spec-report.json", paths);
        Assert.Contains("artifacts/drift-report.md", paths);
        Assert.Contains("artifacts/test-results/", paths);
        Assert.Contains("artifacts/packages/", paths);
    }

    [Fact]
    public void A_pull_request_that_changes_openapi_gets_the_report_summary_as_a_comment()
    {
        var detect = Step("Did the pull request change openapi/");
        var comment = Step("Post the spec report");

        Assert.Contains("-- openapi/", detect["run"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains($"steps.{detect["id"]}.outputs.changed == 'true'", comment["if"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("artifacts/spec-report-summary.md", comment["run"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("write", Workflow["jobs"]!["build"]!["permissions"]!["pull-requests"]!.ToString());
    }

    [GeneratedRegex(@"\$\{\{(.*?)\}\}")]
    private static partial Regex Expression();
}
