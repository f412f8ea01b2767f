using System.Runtime.CompilerServices;

namespace RealtimeKit;

/// <summary>Page arguments and the auto-paging loop every list operation shares.</summary>
internal static class Paging
{
    /// <summary>The page size <c>ListAllAsync</c> asks for when none is given.</summary>
    public const int DefaultPerPage = 50;

    /// <summary>Checks a page number and size before anything is sent.</summary>
    public static void Check(int pageNumber, int perPage)
    {
        if (pageNumber < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pageNumber), pageNumber, $"Expected a page number of 1 or more, got {pageNumber}.");
        }

        if (perPage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perPage), perPage, $"Expected a page size of 1 or more, got {perPage}.");
        }
    }

    /// <summary>
    /// Every item of every page, fetching page 1, 2, ... only as the caller enumerates, and stopping after the
    /// last page (<see cref="RealtimeKitPage{T}.HasNextPage"/>).
    /// </summary>
    public static async IAsyncEnumerable<T> All<T>(int perPage, Func<int, CancellationToken, Task<RealtimeKitPage<T>>> fetchPage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Check(1, perPage);
        for (var pageNumber = 1; ; pageNumber++)
        {
            var page = await fetchPage(pageNumber, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (!page.HasNextPage)
            {
                yield break;
            }
        }
    }
}
