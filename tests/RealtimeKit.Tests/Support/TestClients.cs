using RealtimeKit.Configuration;

namespace RealtimeKit.Tests.Support;

/// <summary>Clients for tests: fixed ids, a recognisable token, no environment, no real waiting.</summary>
internal static class TestClients
{
    public const string AccountId = "023e105f4ecef8ad9ca31a8372d0c353";
    public const string AppId = "app_id";
    public const string Token = "test-token-7f3a9c";
    public const string MeetingId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e";
    public const string Prefix = $"/accounts/{AccountId}/realtime/kit/{AppId}/meetings/{MeetingId}";

    public static RealtimeKitClientOptions Options(string baseUrl, int maxRetries = 0, TimeProvider? time = null, TimeSpan? timeout = null) => new()
    {
        AccountId = AccountId,
        AppId = AppId,
        ApiToken = Token,
        BaseUrl = new Uri(baseUrl),
        MaxRetries = maxRetries,
        TimeProvider = time ?? TimeProvider.System,
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
    };

    /// <summary>A client over a scripted transport, with environment fallbacks switched off.</summary>
    public static RealtimeKitClient Over(ScriptedTransport transport, int maxRetries = 0, TimeProvider? time = null, TimeSpan? timeout = null) =>
        new(ResolvedOptions.Resolve(Options("https://api.test/client/v4", maxRetries, time, timeout), NoEnvironment), transport, null);

    /// <summary>A client against a real server URL, with environment fallbacks switched off.</summary>
    public static RealtimeKitClient Against(string baseUrl, int maxRetries = 0) =>
        new(ResolvedOptions.Resolve(Options(baseUrl, maxRetries), NoEnvironment), null, null);

    public static string? NoEnvironment(string name) => null;

    /// <summary>Sets the test account, app, token and <paramref name="baseUrl"/> on DI-registered options.</summary>
    public static void ConfigureForTests(RealtimeKitClientOptions options, string baseUrl = "https://api.test/client/v4")
    {
        options.AccountId = AccountId;
        options.AppId = AppId;
        options.ApiToken = Token;
        options.BaseUrl = new Uri(baseUrl);
    }
}
