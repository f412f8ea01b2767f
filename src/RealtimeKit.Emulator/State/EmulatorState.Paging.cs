using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

// Paging as the spec describes it (page_no from 1, paging.start_offset and end_offset 1-based, 0 on an empty page).
internal sealed partial class EmulatorState
{
    // One page of a list: 1-based page number, offsets 1-based and 0 on an empty page.
    private static Paged Page<T>(IReadOnlyList<T> all, int page, int perPage)
    {
        var (items, paging) = Slice(all, page, perPage);
        return new Paged(items, paging);
    }

    // Counted in long: a huge page_no times per_page must land past the end, not wrap around to the start.
    private static (List<T> Items, PagingBody Paging) Slice<T>(IReadOnlyList<T> all, int page, int perPage)
    {
        var skip = (long)(page - 1) * perPage;
        if (skip >= all.Count)
        {
            return ([], new PagingBody(all.Count, 0, 0));
        }

        var items = all.Skip((int)skip).Take(perPage).ToList();
        return (items, new PagingBody(all.Count, (int)skip + 1, (int)skip + items.Count));
    }
}
