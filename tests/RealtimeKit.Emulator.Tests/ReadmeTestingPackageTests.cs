using RealtimeKit.Generated.Models;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// The README's testing-package snippet ("Install the package"), compiled and run here; a second test checks the
/// README shows exactly this code. The packaging tests run the same calls from the package itself.
/// </summary>
public class ReadmeTestingPackageTests
{
    [Fact]
    public async Task The_testing_package_snippet_runs()
    {
        // README: testing package (begin)
        await using var emulator = await RealtimeKitEmulator.StartAsync();   // in-process on 127.0.0.1; emulator.Client is pointed at it
        var meeting = await emulator.Client.Meetings.CreateAsync(new CreateMeetingBody { Title = "Stand-up" });
        var ada = await emulator.Client.Participants.AddAsync(meeting.Id, "ada@example.com", "group_call_host", name: "Ada");
        await emulator.Control.JoinAsync(ada.Token!);                          // what Ada's app would do
        var live = await emulator.Client.ActiveSession.GetAsync(meeting.Id);
        // README: testing package (end)

        Assert.Equal(1d, live.LiveParticipants);
    }

    [Fact]
    public void The_readme_shows_exactly_the_code_this_test_runs()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "RealtimeKit.Emulator.Tests", "ReadmeTestingPackageTests.cs"));
        var begin = source.IndexOf("// README: testing package (begin)", StringComparison.Ordinal);
        var end = source.IndexOf("        // README: testing package (end)", StringComparison.Ordinal);
        var tested = Normalize(source[(source.IndexOf('\n', begin) + 1)..end]);
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = readme.IndexOf("```csharp\nawait using var emulator = await RealtimeKitEmulator.StartAsync();   // in-process", StringComparison.Ordinal);
        Assert.True(block >= 0, "The README has no testing-package block.");
        var shown = Normalize(readme[(block + "```csharp\n".Length)..readme.IndexOf("```", block + 10, StringComparison.Ordinal)]);

        Assert.Equal(tested, shown);
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
