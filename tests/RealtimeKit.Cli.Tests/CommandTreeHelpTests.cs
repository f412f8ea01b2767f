using System.CommandLine;
using RealtimeKit.Cli.Commands;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// Everything <c>rtk</c> offers explains itself in <c>--help</c>: every command, option and argument has a
/// description, and every example a command shows is a call of that command.
/// </summary>
public class CommandTreeHelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var paths = new TheoryData<string>();
        foreach (var (path, _) in CommandTree.All())
        {
            paths.Add(path);
        }

        return paths;
    }

    [Fact]
    public void The_tree_has_every_group_the_readme_names()
    {
        Assert.Equal(
            new[] { "apps", "demo", "emulator", "meetings", "participants", "poll", "presets", "recordings", "session", "sessions", "webhooks", "api" }.Order(),
            CommandTree.Root.Subcommands.Select(c => c.Name).Order());
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_command_option_and_argument_is_described(string path)
    {
        var command = Find(path);

        Assert.False(string.IsNullOrWhiteSpace(FirstLine(command.Description)), $"{path} has no description");
        foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption))
        {
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{path} {option.Name} has no description");
        }

        foreach (var argument in command.Arguments)
        {
            Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{path} <{argument.Name}> has no description");
        }
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_example_a_command_shows_calls_that_command(string path)
    {
        var description = Find(path).Description ?? string.Empty;
        var marker = description.IndexOf("\n\nExamples:\n", StringComparison.Ordinal);

        // The root's examples tour the other commands; each command's own examples call it.
        if (marker < 0 || path == "rtk")
        {
            return;
        }

        var examples = description[(marker + "\n\nExamples:\n".Length)..].Split('\n');
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            Assert.Contains(path, example, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_command_made_by_the_kit_shows_its_examples_under_its_summary_and_takes_its_options()
    {
        var flag = new Option<bool>("--flag");
        var command = CommandKit.Command("x", "Do x", ["rtk x", "rtk x --flag"], flag);

        Assert.Equal("Do x\n\nExamples:\n  rtk x\n  rtk x --flag", command.Description);
        Assert.Same(flag, Assert.Single(command.Options, o => o.Name == "--flag"));
    }

    private static Command Find(string path) => CommandTree.All().Single(c => c.Path == path).Command;

    private static string FirstLine(string? text) => (text ?? string.Empty).Split('\n')[0];
}
