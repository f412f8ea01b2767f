namespace RealtimeKit;

/// <summary>
/// One page of a list operation: its items and where it sits in the whole list. Every list call has an
/// auto-paging twin (<c>ListAllAsync</c>, <c>IAsyncEnumerable</c>) that fetches these lazily until the end.
/// </summary>
/// <typeparam name="T">The generated model of one item.</typeparam>
public sealed class RealtimeKitPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The page's items, in the service's order.</param>
    /// <param name="pageNumber">The 1-based page number that was asked for.</param>
    /// <param name="perPage">The page size that was asked for.</param>
    /// <param name="totalCount">How many items the whole list holds, when the service says.</param>
    public RealtimeKitPage(IReadOnlyList<T> items, int pageNumber, int perPage, long? totalCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        PageNumber = pageNumber;
        PerPage = perPage;
        TotalCount = totalCount;
    }

    /// <summary>The page's items, in the service's order.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The 1-based page number.</summary>
    public int PageNumber { get; }

    /// <summary>The page size that was asked for.</summary>
    public int PerPage { get; }

    /// <summary>How many items the whole list holds (<c>paging.total_count</c>), when the service says.</summary>
    public long? TotalCount { get; }

    /// <summary>
    /// Whether a later page may hold more items: by <see cref="TotalCount"/> when the service gives it,
    /// otherwise by whether this page came back full.
    /// </summary>
    public bool HasNextPage => Items.Count > 0 && (TotalCount is { } total
        ? ((long)(PageNumber - 1) * PerPage) + Items.Count < total
        : Items.Count >= PerPage);
}
