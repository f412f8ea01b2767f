namespace RealtimeKit.Cli.Tests;

/// <summary>Every resource command documents itself with examples.</summary>
public class ResourceCommandHelpTests
{
    [Theory]
    [InlineData("apps", "list")]
    [InlineData("apps", "create")]
    [InlineData("apps", "get")]
    [InlineData("meetings", "list")]
    [InlineData("meetings", "create")]
    [InlineData("meetings", "get")]
    [InlineData("meetings", "update")]
    [InlineData("participants", "list")]
    [InlineData("participants", "get")]
    [InlineData("participants", "edit")]
    [InlineData("participants", "token")]
    [InlineData("presets", "list")]
    [InlineData("presets", "get")]
    [InlineData("presets", "delete")]
    [InlineData("presets", "create")]
    [InlineData("presets", "update")]
    [InlineData("sessions", "list")]
    [InlineData("sessions", "get")]
    [InlineData("sessions", "participants")]
    [InlineData("sessions", "chat")]
    [InlineData("sessions", "transcript")]
    [InlineData("sessions", "summary")]
    [InlineData("recordings", "list")]
    [InlineData("recordings", "start")]
    [InlineData("recordings", "get")]
    [InlineData("recordings", "pause")]
    [InlineData("recordings", "resume")]
    [InlineData("recordings", "stop")]
    [InlineData("webhooks", "list")]
    [InlineData("webhooks", "create")]
    [InlineData("webhooks", "get")]
    [InlineData("webhooks", "delete")]
    [InlineData("webhooks", "events")]
    public async Task Each_command_shows_examples_of_itself_in_its_help(string group, string command)
    {
        var result = await CliHarness.RunWithAsync(_ => null, group, command, "--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"rtk {group} {command}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--json", result.Stdout, StringComparison.Ordinal);
    }
}
