namespace RealtimeKit.Emulator.Tests;

/// <summary>Requests the SDK would refuse to send, made raw against the harness's app.</summary>
internal static class HarnessRequests
{
    /// <summary>Asserts that GET <paramref name="appPathAndQuery"/> (below the app's path) is refused with 400 naming <paramref name="field"/>.</summary>
    public static async Task AssertBadRequestAsync(this EmulatorHarness h, string appPathAndQuery, string field)
    {
        var (status, body) = await h.RawAsync(HttpMethod.Get, $"client/v4/accounts/{h.Emulator.AccountId}/realtime/kit/{h.Emulator.AppId}/{appPathAndQuery}");
        Assert.Equal(400, status);
        Assert.Contains(field, body, StringComparison.Ordinal);
    }
}
