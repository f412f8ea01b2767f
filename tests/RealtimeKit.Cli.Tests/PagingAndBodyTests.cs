using System.Text.Json.Nodes;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// What every list command shares (one page with a line saying what is next, or every page with <c>--all</c>) and
/// what every <c>--body</c> shares (JSON, and an object), on the emulator.
/// </summary>
public class PagingAndBodyTests
{
    [Fact]
    public async Task One_page_says_how_many_of_how_many_and_which_page_is_next()
    {
        await using var h = await CliHarness.StartAsync();
        foreach (var title in new[] { "one", "two", "three" })
        {
            await h.Emulator.Control.CreateMeetingAsync(title);
        }

        var first = await h.RunAsync("meetings", "list", "--per-page", "2");
        var last = await h.RunAsync("meetings", "list", "--per-page", "2", "--page", "2");
        var all = await h.RunAsync("meetings", "list", "--per-page", "2", "--all");
        var allJson = await h.RunAsync("meetings", "list", "--per-page", "1", "--all", "--json");

        Assert.Equal("Page 1: 2 of 3 meeting(s); next: --page 2 (or --all)", LastLine(first));
        Assert.Equal("Page 2: 1 of 3 meeting(s)", LastLine(last));
        Assert.Equal("3 meeting(s)", LastLine(all));
        Assert.Equal(["one", "three", "two"], JsonNode.Parse(allJson.Stdout)!.AsArray().Select(m => m!["title"]!.GetValue<string>()).Order());
    }

    [Theory]
    [InlineData("null", "--body: expected a JSON object, got a JSON null.")]
    [InlineData("\"text\"", "--body: expected a JSON object, got a JSON string.")]
    [InlineData("{\"title\": ", "--body: expected JSON (or @file), but ")]
    public async Task A_body_that_is_not_an_object_of_the_right_fields_is_a_usage_error(string body, string expected)
    {
        await using var h = await CliHarness.StartAsync();

        var result = await h.RunAsync("presets", "create", "--body", body);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("Usage error: " + expected, result.Stderr, StringComparison.Ordinal);
    }

    private static string LastLine(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.TrimEnd().Split('\n')[^1].TrimEnd();
    }
}
