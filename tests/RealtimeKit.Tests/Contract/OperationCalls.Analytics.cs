using static RealtimeKit.Tests.Contract.PathValues;

namespace RealtimeKit.Tests.Contract;

public static partial class OperationCalls
{
    private static readonly OperationCall[] Analytics =
    [
        new("getDaywiseAnalytics", async c => await c.Analytics.GetDaywiseAsync()),
        new("getLivestreamDaywiseAnalytics", async c => await c.Analytics.GetLivestreamDaywiseAsync()),
        new("getLivestreamOverallAnalytics", async c => await c.Analytics.GetLivestreamOverallAsync()),
    ];
}
