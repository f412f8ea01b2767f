using RealtimeKit.Emulator.Api;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Emulator.Tests;

/// <summary>The emulator's routes are the spec's operations, matched by the spec's own path templates.</summary>
public class RouteTableTests
{
    [Fact]
    public void Every_emulator_route_is_an_operation_of_the_spec()
    {
        var spec = SpecDocument.Operations().Select(o => $"{o.Method} {o.Path}").ToHashSet(StringComparer.Ordinal);

        var notInSpec = RequestRouter.Routes.Routes.Select(r => $"{r.Method} {r.Template}").Where(r => !spec.Contains(r)).ToList();

        Assert.True(notInSpec.Count == 0, "Routes the spec does not have: " + string.Join(", ", notInSpec));
    }

    [Fact]
    public void The_emulator_answers_every_operation_of_the_spec()
    {
        var answered = RequestRouter.Routes.Routes.Select(r => $"{r.Method} {r.Template}").ToHashSet(StringComparer.Ordinal);

        var missing = SpecDocument.Operations()
            .Where(o => !answered.Contains($"{o.Method} {o.Path}"))
            .Select(o => o.Operation["operationId"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void A_fixed_segment_wins_over_a_parameter_and_values_are_bound_by_name()
    {
        var table = new RouteTable(
        [
            new Route("GET", "/a/{id}", _ => (200, "param")),
            new Route("GET", "/a/all", _ => (200, "fixed")),
        ]);

        var (fixedRoute, _, _) = table.Match("GET", ["a", "all"]);
        var (paramRoute, values, _) = table.Match("GET", ["a", "x y"]);

        Assert.Equal("/a/all", fixedRoute!.Template);
        Assert.Equal("/a/{id}", paramRoute!.Template);
        Assert.Equal("x y", values["id"]);
    }

    [Fact]
    public void A_known_path_with_another_method_is_reported_as_known()
    {
        var table = new RouteTable([new Route("GET", "/a/{id}", _ => (200, "x"))]);

        var (route, _, known) = table.Match("DELETE", ["a", "1"]);
        var (none, _, unknown) = table.Match("GET", ["b", "1"]);
        var (found, _, foundKnown) = table.Match("GET", ["a", "1"]);

        Assert.Null(route);
        Assert.True(known);
        Assert.NotNull(found);
        Assert.True(foundKnown);
        Assert.Null(none);
        Assert.False(unknown);
    }
}
