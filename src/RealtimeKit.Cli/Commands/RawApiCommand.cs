using System.CommandLine;
using System.Text.Json;
using RealtimeKit.Cli.Output;
using RealtimeKit.Cli.Spec;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// <c>rtk api &lt;operationId&gt; [--path name=value]... [--query name=value]... [--body JSON|@file]</c>: calls any
/// operation of the spec by its operationId through the SDK's pipeline (token, retries, errors), the way
/// <c>gh api</c> does. <c>rtk api</c> alone lists the operations.
/// </summary>
internal static class RawApiCommand
{
    public static Command Create(CommonOptions common, Func<string, string?> environment, ApiCommands.Runner run)
    {
        var operationId = new Argument<string?>("operationId") { Description = "The spec's operationId (rtk api lists them)", Arity = ArgumentArity.ZeroOrOne };
        var path = new Option<string[]>("--path") { Description = "A path parameter as name=value (account_id and app_id default to the credentials)", AllowMultipleArgumentsPerToken = false };
        var query = new Option<string[]>("--query") { Description = "A query parameter as name=value (repeatable)" };
        var body = new Option<string?>("--body") { Description = "The JSON body, or @file to read it from a file" };
        var command = new Command("api", "Call any RealtimeKit operation by its operationId (rtk api lists them).\nExample: rtk api getMeeting --path meeting_id=<id>\nExample: rtk api listMeetings --query per_page=5")
        {
            operationId, path, query, body,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(operationId) is not { } id)
            {
                return await ListAsync(parse, common, cancellationToken);
            }

            var operation = OperationCatalog.Find(id) ?? throw new UsageException(
                $"No operation '{id}' in the spec." + Suggestions.DidYouMean(id, OperationCatalog.All.Select(o => o.OperationId)) + " Run 'rtk api' to list them.");
            var request = BuildRequest(operation, parse.GetValue(path) ?? [], parse.GetValue(query) ?? [], parse.GetValue(body), common.ClientOptions(parse, environment));
            return await run(parse, async (client, printer, token) =>
            {
                var response = await client.SendAsync(operation.Method, request.PathAndQuery, request.Body, cancellationToken: token);
                await printer.RawJsonAsync(response);
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> ListAsync(ParseResult parse, CommonOptions common, CancellationToken cancellationToken)
    {
        var printer = parse.InvocationConfiguration.Output;
        if (parse.GetValue(common.Json))
        {
            var rows = OperationCatalog.All.Select(o => new { operation_id = o.OperationId, method = o.Method, path = o.PathTemplate, summary = o.Summary });
            await printer.WriteLineAsync(JsonSerializer.Serialize(rows));
            return 0;
        }

        foreach (var o in OperationCatalog.All.OrderBy(o => o.OperationId, StringComparer.Ordinal))
        {
            await printer.WriteLineAsync($"{o.OperationId,-34} {o.Method,-6} {o.PathTemplate.Replace("/accounts/{account_id}/realtime/kit", string.Empty, StringComparison.Ordinal)}  {o.Summary}");
        }

        await printer.FlushAsync(cancellationToken);
        return 0;
    }

    internal static (string PathAndQuery, string? Body) BuildRequest(SpecOperation operation, IEnumerable<string> pathPairs, IEnumerable<string> queryPairs, string? body, RealtimeKitClientOptions credentials)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (credentials.AccountId is { } account)
        {
            values["account_id"] = account;
        }

        if (credentials.AppId is { } app)
        {
            values["app_id"] = app;
        }

        foreach (var (name, value) in Pairs(pathPairs, "--path"))
        {
            if (!operation.PathParameters.Contains(name))
            {
                throw new UsageException($"--path {name}: {operation.OperationId} has no path parameter '{name}'; it takes {Names(operation.PathParameters)}.");
            }

            values[name] = value;
        }

        var missing = operation.PathParameters.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"{operation.OperationId} needs {string.Join(" ", missing.Select(p => $"--path {p}=<value>"))}.");
        }

        var pathAndQuery = System.Text.RegularExpressions.Regex.Replace(operation.PathTemplate, @"\{([^}]+)\}", m => Segment(m.Groups[1].Value, values[m.Groups[1].Value]));
        var query = new List<string>();
        foreach (var (name, value) in Pairs(queryPairs, "--query"))
        {
            if (!operation.QueryParameters.Contains(name))
            {
                throw new UsageException($"--query {name}: {operation.OperationId} has no query parameter '{name}'; it takes {Names(operation.QueryParameters)}.");
            }

            query.Add(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
        }

        if (query.Count > 0)
        {
            pathAndQuery += "?" + string.Join('&', query);
        }

        if (body is not null && !operation.HasBody)
        {
            throw new UsageException($"--body: {operation.OperationId} takes no request body.");
        }

        return (pathAndQuery, body is null ? null : ReadBody(body));
    }

    private static string Segment(string name, string value) =>
        value is "." or ".." || string.IsNullOrWhiteSpace(value)
            ? throw new UsageException($"--path {name}: expected an id, got '{value}'.")
            : Uri.EscapeDataString(value);

    private static string ReadBody(string body)
    {
        var text = body;
        if (body.StartsWith('@'))
        {
            var file = body[1..];
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--body: cannot read '{file}': {e.Message}");
            }
        }

        try
        {
            using var parsed = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UsageException($"--body: expected JSON (or @file), but {e.Message}");
        }

        return text;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(IEnumerable<string> pairs, string flag)
    {
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"{flag}: expected name=value, got '{pair}'.");
            }

            yield return (pair[..equals], pair[(equals + 1)..]);
        }
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
