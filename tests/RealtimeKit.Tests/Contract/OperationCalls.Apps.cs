using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Apps =
    [
        new("listApps", async c => await c.Apps.ListAsync()),
        new("createApp", async c => await c.Apps.CreateAsync("my-new-app")),
        new("getApp", async c => await c.Apps.GetAsync(AppId)),
    ];
}
