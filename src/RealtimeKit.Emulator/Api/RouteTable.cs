namespace RealtimeKit.Emulator.Api;

/// <summary>One REST operation of the emulator: the spec's method and path template, and its handler.</summary>
/// <param name="Method">GET, POST, PUT, PATCH or DELETE.</param>
/// <param name="Template">The spec's path template, e.g. <c>/accounts/{account_id}/realtime/kit/{app_id}/meetings</c>.</param>
/// <param name="Handler">What answers it.</param>
internal sealed record Route(string Method, string Template, RestApi.Handler Handler)
{
    public string[] Segments { get; } = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many segments are fixed text: a fixed segment wins over a parameter (<c>webhooks/all</c> over <c>webhooks/{webhook_id}</c>).</summary>
    public int LiteralCount => Segments.Count(s => !s.StartsWith('{'));
}

/// <summary>
/// Matches a request's path segments (each unescaped once) against the spec's path templates, so adding an
/// operation is one line in <see cref="RestRoutes"/>.
/// </summary>
internal sealed class RouteTable(IEnumerable<Route> routes)
{
    private readonly List<Route> _routes = routes.OrderByDescending(r => r.LiteralCount).ToList();

    public IReadOnlyList<Route> Routes => _routes;

    /// <summary>The route for the method and path, with the path's parameter values; or whether the path exists for another method.</summary>
    public (Route? Route, IReadOnlyDictionary<string, string> Values, bool PathKnown) Match(string method, string[] segments)
    {
        var pathKnown = false;
        // A plain null check rather than a pattern variable: mutation testing (Stryker) cannot compile its mutants of
        // this loop when `values` is only definitely assigned through `is not { } values ... continue`.
        foreach (var route in _routes)
        {
            var values = Bind(route, segments);
            if (values is null)
            {
                continue;
            }

            if (string.Equals(route.Method, method, StringComparison.Ordinal))
            {
                return (route, values, true);
            }

            pathKnown = true;
        }

        return (null, new Dictionary<string, string>(), pathKnown);
    }

    private static Dictionary<string, string>? Bind(Route route, string[] segments)
    {
        if (route.Segments.Length != segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var template = route.Segments[i];
            if (template.StartsWith('{'))
            {
                values[template[1..^1]] = segments[i];
            }
            else if (!string.Equals(template, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }
}
