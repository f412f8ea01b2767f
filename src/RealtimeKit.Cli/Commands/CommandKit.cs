using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using RealtimeKit.Cli.Output;

namespace RealtimeKit.Cli.Commands;

/// <summary>What the resource commands share: descriptions with examples, paging flags, JSON bodies.</summary>
internal static class CommandKit
{
    /// <summary>The page size asked for when <c>--per-page</c> is not given (the SDK's default).</summary>
    public const int DefaultPerPage = 50;

    /// <summary>A command whose description ends with its examples, as <c>rtk --help</c> shows them.</summary>
    public static Command Command(string name, string summary, string[] examples, params Option[] options)
    {
        var command = new Command(name, summary + "\n\nExamples:\n" + string.Join('\n', examples.Select(e => "  " + e)));
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>A group of commands: a one-line description (each command's help carries the examples).</summary>
    public static Command Group(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    /// <summary>The flags of a list command: <c>--page</c>, <c>--per-page</c> and <c>--all</c>.</summary>
    public sealed class PagingOptions
    {
        public Option<int?> Page { get; } = new("--page") { Description = "The 1-based page to fetch (default 1)", CustomParser = CliParsers.PositiveNumber };

        public Option<int?> PerPage { get; } = new("--per-page") { Description = $"How many items a page holds (default {DefaultPerPage})", CustomParser = CliParsers.PositiveNumber };

        public Option<bool> All { get; } = new("--all") { Description = "Fetch every page, one request after another" };

        public Option[] Options => [Page, PerPage, All];
    }

    /// <summary>
    /// Runs a list command: one page (<c>--page</c>, <c>--per-page</c>), or every page with <c>--all</c> through
    /// the facade's auto-paging <c>ListAllAsync</c>; prints a table with a page line, or the items' JSON array.
    /// </summary>
    public static async Task ListAsync<T>(
        ParseResult parse,
        PagingOptions paging,
        Printer printer,
        string noun,
        Func<int, int, CancellationToken, Task<RealtimeKitPage<T>>> page,
        Func<int, CancellationToken, IAsyncEnumerable<T>> all,
        Func<IReadOnlyList<T>, Spectre.Console.Rendering.IRenderable> table,
        CancellationToken cancellationToken)
        where T : IParsable
    {
        var perPage = parse.GetValue(paging.PerPage) ?? DefaultPerPage;
        if (parse.GetValue(paging.All))
        {
            if (parse.GetValue(paging.Page) is not null)
            {
                throw new UsageException("--page: --all fetches every page; leave out --page (or --all).");
            }

            var items = new List<T>();
            await foreach (var item in all(perPage, cancellationToken).WithCancellation(cancellationToken))
            {
                items.Add(item);
            }

            await printer.ListAsync(items, $"{items.Count} {noun}(s)", () => table(items));
            return;
        }

        var number = parse.GetValue(paging.Page) ?? 1;
        var result = await page(number, perPage, cancellationToken);
        var total = result.TotalCount is { } count ? $" of {count}" : string.Empty;
        var more = result.HasNextPage ? $"; next: --page {number + 1} (or --all)" : string.Empty;
        await printer.ListAsync(result.Items, $"Page {number}: {result.Items.Count}{total} {noun}(s){more}", () => table(result.Items));
    }

    /// <summary>The <c>--body</c> flag: JSON text, or <c>@file</c> to read it from a file.</summary>
    public static Option<string> Body(string what, bool required) => new("--body")
    {
        Description = $"The {what} as JSON, or @file to read it from a file (the API's snake_case field names)",
        Required = required,
    };

    /// <summary>
    /// Reads <c>--body</c> (JSON or <c>@file</c>) into the facade's body model with Kiota's JSON parsing, so the
    /// fields are the API's; a missing file or malformed JSON is a usage error naming the flag.
    /// </summary>
    public static async Task<TBody> ReadBodyAsync<TBody>(string body, ParsableFactory<TBody> factory, CancellationToken cancellationToken)
        where TBody : IParsable
    {
        var text = body;
        if (body.StartsWith('@'))
        {
            var file = body[1..];
            try
            {
                text = await File.ReadAllTextAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new UsageException($"--body: cannot read '{file}': {e.Message}");
            }
        }

        try
        {
            using (var document = JsonDocument.Parse(text))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new UsageException($"--body: expected a JSON object, got a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
                }
            }

            var model = await KiotaJsonSerializer.DeserializeAsync(text, factory, cancellationToken)
                ?? throw new UsageException("--body: expected a JSON object, got null.");
            var readBack = JsonNode.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false, cancellationToken));
            if (BodyCheck.FirstProblem(JsonNode.Parse(text)!, readBack, typeof(TBody)) is { } problem)
            {
                throw new UsageException($"--body: {problem}");
            }

            return model;
        }
        catch (JsonException e)
        {
            throw new UsageException($"--body: expected JSON (or @file), but {e.Message}");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new UsageException($"--body: a field has the wrong type: {e.Message}");
        }
    }
}
