using RealtimeKit.Generated.Accounts.Item.Realtime.Kit;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Apps;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// The RealtimeKit apps of the account: list, create and fetch them. Reached through <see cref="RealtimeKitClient.Apps"/>;
/// unlike the other sub-clients it works at account level, whatever app the client was made for.
/// </summary>
public class AppsClient
{
    private const int MaxSearchLength = 125;

    private readonly KitRequestBuilder _kit = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected AppsClient()
    {
    }

    internal AppsClient(KitRequestBuilder kit) => _kit = kit;

    /// <summary>Fetches one page of the account's apps.</summary>
    /// <param name="search">Matches apps by name (at most 125 characters); null for no search.</param>
    /// <param name="sortOrder">Order by creation time; null for the service's default (newest first).</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many apps a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its apps and the total count the service reports.</returns>
    /// <exception cref="ArgumentException">A blank or too long <paramref name="search"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<RealtimeKitPage<App>> ListAsync(string? search = null, SortOrder? sortOrder = null, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        CheckSearch(search);
        Paging.Check(pageNumber, perPage);
        var response = await _kit.Apps.GetAsync(
            RetrySafety.Configure<AppsRequestBuilder.AppsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
                q.Search = search;
                q.SortOrder = sortOrder;
            }),
            cancellationToken).ConfigureAwait(false);
        return new RealtimeKitPage<App>(Envelope.Data(response?.Data, 200, "list apps"), pageNumber, perPage, response?.Paging?.TotalCount);
    }

    /// <summary>
    /// Every app of the account that matches, fetching page after page only as you enumerate. The arguments are
    /// checked now, before anything is sent.
    /// </summary>
    /// <param name="search">Matches apps by name (at most 125 characters); null for no search.</param>
    /// <param name="sortOrder">Order by creation time; null for the service's default (newest first).</param>
    /// <param name="perPage">How many apps each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The apps, in the requested order.</returns>
    /// <exception cref="ArgumentException">A blank or too long <paramref name="search"/>, or a page size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page request (thrown while enumerating).</exception>
    public virtual IAsyncEnumerable<App> ListAllAsync(string? search = null, SortOrder? sortOrder = null, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        CheckSearch(search);
        Paging.Check(1, perPage);
        return Paging.All(perPage, (page, ct) => ListAsync(search, sortOrder, page, perPage, ct), cancellationToken);
    }

    /// <summary>
    /// Creates an app in the account. Not idempotent: it is retried only when the service provably did not process
    /// it (connection never made, 429, or 503 with Retry-After), so an app is never created twice.
    /// </summary>
    /// <param name="name">The app's name; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome, whose <see cref="CreateAppResult.App"/> is the new app with its id.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="name"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 for a refused name.</exception>
    public virtual async Task<CreateAppResult> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(name, nameof(name));
        var response = await _kit.Apps.PostAsync(new CreateAppBody { Name = name }, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "create an app");
    }

    /// <summary>Fetches an app of the account.</summary>
    /// <param name="appId">The app (a UUID, as <see cref="ListAsync"/> and <see cref="CreateAsync"/> return it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The app.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="appId"/>.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown app.</exception>
    public virtual async Task<App> GetAsync(RealtimeKitId appId, CancellationToken cancellationToken = default)
    {
        var app = Guard.Id(appId, nameof(appId));
        var response = await _kit.Apps[app].GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get an app");
    }

    private static void CheckSearch(string? search)
    {
        if (search is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(search))
        {
            throw new ArgumentException($"Expected search text or null for search, got '{search}'.", nameof(search));
        }

        if (search.Length > MaxSearchLength)
        {
            throw new ArgumentException($"Expected at most {MaxSearchLength} characters in search, got {search.Length}.", nameof(search));
        }
    }
}
