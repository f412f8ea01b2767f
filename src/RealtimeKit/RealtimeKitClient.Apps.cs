namespace RealtimeKit;

public partial class RealtimeKitClient
{
    /// <summary>
    /// The RealtimeKit apps of the account: list, create and fetch. Account level: it lists every app of
    /// <see cref="RealtimeKitClientOptions.AccountId"/>, not only this client's app.
    /// </summary>
    public virtual AppsClient Apps => field ??= new AppsClient(Api.Accounts[Options.AccountId].Realtime.Kit);
}
