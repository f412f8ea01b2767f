using System.CommandLine;

namespace RealtimeKit.Cli.Tests;

/// <summary><c>rtk</c>'s whole command tree, as the app builds it, walked for tests that check every command.</summary>
internal static class CommandTree
{
    /// <summary>The root command, built without running anything.</summary>
    public static RootCommand Root { get; } = new RtkApp(TextWriter.Null, TextWriter.Null, _ => null).CreateRootCommand();

    /// <summary>Every command under <see cref="Root"/> (itself included), with its path as typed: <c>rtk meetings list</c>.</summary>
    public static IEnumerable<(string Path, Command Command)> All() => Walk(Root, "rtk");

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var found in Walk(sub, path + " " + sub.Name))
            {
                yield return found;
            }
        }
    }
}
