using RealtimeKit.TestSupport;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// A loopback server answering every request with the spec's documented example for one operation, and rtk run
/// in-process against it (credentials from the harness's environment function, no retries).
/// </summary>
internal sealed class SpecExampleServer : IAsyncDisposable
{
    public const string AccountId = "acc-1";
    public const string AppId = "app-1";

    /// <summary>Where the app's operations live on the server.</summary>
    public const string AppPath = "/client/v4/accounts/acc-1/realtime/kit/app-1";

    private SpecExampleServer(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>The one request rtk sent.</summary>
    public RecordedRequest Request => Assert.Single(Server.Requests);

    /// <summary>Answers with the example of <paramref name="operationId"/>: its first 2xx example, or the one with <paramref name="status"/> (and <paramref name="name"/>).</summary>
    public static async Task<SpecExampleServer> StartAsync(string operationId, string? status = null, string? name = null)
    {
        var example = Example(operationId, status, name);
        var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(int.Parse(example.Status!, System.Globalization.CultureInfo.InvariantCulture), example.Value.ToJsonString()));
        return new SpecExampleServer(server);
    }

    public static SpecExample Example(string operationId, string? status = null, string? name = null) =>
        SpecDocument.Examples().First(e => e.OperationId == operationId && !e.IsRequest
            && (status is null ? e.IsSuccess : e.Status == status) && (name is null || e.Name == name));

    public string? Environment(string variable) => variable switch
    {
        RealtimeKitClientOptions.BaseUrlVariable => Server.BaseUrl + "/client/v4",
        RealtimeKitClientOptions.ApiTokenVariable => "test-token",
        RealtimeKitClientOptions.AccountIdVariable => AccountId,
        RealtimeKitClientOptions.AppIdVariable => AppId,
        _ => null,
    };

    public Task<CliResult> RunAsync(params string[] args) => CliHarness.RunWithAsync(Environment, [.. args, "--max-retries", "0"]);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Assertions on what rtk put on the wire.</summary>
internal static class Wire
{
    /// <summary>The query parameters of a request, decoded (a repeated name keeps every value, comma-joined).</summary>
    public static Dictionary<string, string> Query(RecordedRequest request)
    {
        var parts = request.RawTarget.Split('?', 2);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parts.Length < 2)
        {
            return query;
        }

        foreach (var pair in parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var name = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : string.Empty;
            query[name] = query.TryGetValue(name, out var previous) ? previous + "," + value : value;
        }

        return query;
    }

    public static System.Text.Json.Nodes.JsonNode Body(RecordedRequest request) => System.Text.Json.Nodes.JsonNode.Parse(request.Body)!;
}

/// <summary>JSON equality (member order ignored), failing with the first difference.</summary>
internal static class JsonAssertions
{
    public static void Equal(string expected, string actual)
    {
        var difference = RealtimeKit.TestSupport.JsonAssert.Difference(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual));
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual: {actual}");
    }
}
