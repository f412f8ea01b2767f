using System.Reflection;
using RealtimeKit.Tests.Support;
using RealtimeKit.TestSupport;
using static RealtimeKit.Tests.Support.TestClients;

namespace RealtimeKit.Tests.Hardening;

/// <summary>
/// Hostile ids and texts, tried on every method of every facade client (found by reflection, so methods added later
/// are covered too): each is refused with an <see cref="ArgumentException"/> naming the parameter, delivered the same
/// way by every method (a faulted task, never a synchronous throw), and nothing is sent. Ids that are valid, however
/// odd, reach the server as exactly one path segment.
/// </summary>
public sealed class ArgumentSafetyTests
{
    /// <summary>Ids that cannot be one path segment, or no id at all.</summary>
    public static readonly RealtimeKitId[] HostileIds =
    [
        default, "", "   ", ".", "..", "\ud800", "a\udc00b", "a\u0000b", "x\r\nSet-Cookie: y", new string('a', 1025),
    ];

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Every public operation of every facade client reachable from <see cref="RealtimeKitClient"/>.</summary>
    public static IEnumerable<(PropertyInfo Client, MethodInfo Method)> FacadeMethods() =>
        typeof(RealtimeKitClient).GetProperties()
            .Where(p => p.PropertyType.Namespace == "RealtimeKit" && p.PropertyType.IsClass)
            .SelectMany(p => p.PropertyType.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
                .Select(m => (p, m)));

    public static TheoryData<string> MethodNames() => new(FacadeMethods().Select(f => $"{f.Client.Name}.{f.Method.Name}"));

    [Fact]
    public void There_are_facade_methods_to_try()
    {
        Assert.True(FacadeMethods().Count() >= 8);
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public async Task Hostile_ids_are_refused_naming_the_parameter_in_a_faulted_task_and_nothing_is_sent(string name)
    {
        var (clientProperty, method) = FacadeMethods().Single(f => $"{f.Client.Name}.{f.Method.Name}" == name);
        var parameters = method.GetParameters();
        var tried = 0;
        foreach (var parameter in parameters)
        {
            var hostileValues = parameter.ParameterType == typeof(RealtimeKitId) && !parameter.HasDefaultValue ? HostileIds.Select(id => (object?)id)
                : parameter.ParameterType.IsAssignableFrom(typeof(RealtimeKitId[])) ? HostileIds.Select(id => (object?)new RealtimeKitId[] { "ok-1", id })
                : parameter.ParameterType == typeof(string) && IsRequired(parameter) ? [null, "", "  ", "\ud800x"]
                : parameter.ParameterType.IsAssignableFrom(typeof(string[])) && IsRequired(parameter) ? [new[] { "ok", "\udfff" }, new[] { "ok", " " }]
                : [];
            foreach (var hostile in hostileValues)
            {
                var transport = new ScriptedTransport();
                using var client = Over(transport);
                var arguments = parameters.Select(p => p == parameter ? hostile : Valid(p)).ToArray();

                object? returned;
                try
                {
                    returned = method.Invoke(clientProperty.GetValue(client), arguments);
                }
                catch (TargetInvocationException e)
                {
                    Assert.Fail($"{name} threw {e.InnerException!.GetType().Name} synchronously for {parameter.Name} = {Show(hostile)}; it must fault its task like every method.");
                    throw;
                }

                var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => (Task)returned!);
                Assert.True(parameter.Name == error.ParamName, $"{name}({parameter.Name} = {Show(hostile)}) named '{error.ParamName}': {error.Message}");
                Assert.DoesNotContain('\r', error.Message);
                Assert.DoesNotContain('\n', error.Message);
                Assert.InRange(error.Message.Length, 1, 400);
                Assert.Empty(transport.Requests);
                tried++;
            }
        }

        Assert.True(tried > 0 || !parameters.Any(p => p.ParameterType == typeof(RealtimeKitId) && !p.HasDefaultValue), $"{name}: nothing tried");
    }

    [Theory]
    [InlineData("...")]
    [InlineData(". ")]
    [InlineData(" .")]
    [InlineData(".a")]
    [InlineData("a/../b")]
    [InlineData("%2e%2e")]
    [InlineData(".%2e")]
    [InlineData("a\\..\\b")]
    [InlineData("é-ü-漢字-😀")]
    [InlineData("a\u202eb")]
    [InlineData("?#[]@!$&'()*+,;=")]
    [InlineData("x y%zz")]
    public async Task Valid_ids_however_odd_reach_the_server_as_exactly_one_path_segment(string id)
    {
        var example = SpecDocument.Examples().First(e => e.OperationId == "deleteParticipant" && e.IsSuccess).Value.ToJsonString();
        await using var server = await LoopbackServer.StartAsync(_ => ScriptedResponse.Json(200, example));
        using var client = Against(server.BaseUrl + "/client/v4");

        await client.Participants.DeleteAsync(id, id);

        var segments = server.Requests.Single().RawPath.Split('/');
        Assert.Equal(["", "client", "v4", "accounts", AccountId, "realtime", "kit", AppId, "meetings", "*", "participants", "*"], segments.Select((s, i) => i is 9 or 11 ? "*" : s));
        Assert.Equal(id, Uri.UnescapeDataString(segments[9]));
        Assert.Equal(id, Uri.UnescapeDataString(segments[11]));
    }

    [Fact]
    public void An_id_of_exactly_the_longest_length_is_accepted_and_one_character_more_is_not()
    {
        Assert.Null(Guard.IdProblem(new string('a', Guard.MaxIdLength)));
        Assert.Equal(("an id of at most 1024 characters", "1025 characters"), Guard.IdProblem(new string('a', Guard.MaxIdLength + 1)));
    }

    [Fact]
    public async Task Through_client_Api_a_dot_segment_or_another_host_is_refused_before_anything_is_sent()
    {
        var transport = new ScriptedTransport();
        using var client = Over(transport);

        var dots = await Assert.ThrowsAsync<RealtimeKitClientException>(() => client.App.Meetings[".."].ActiveSession.GetAsync());
        var elsewhere = await Assert.ThrowsAsync<RealtimeKitClientException>(() => client.App.Meetings["m"].ActiveSession.WithUrl("https://elsewhere.test/steal").GetAsync());

        Assert.Contains("'.' or '..' path segment", dots.Message, StringComparison.Ordinal);
        Assert.Contains("refused: the client sends only to https://api.test", elsewhere.Message, StringComparison.Ordinal);
        Assert.Empty(transport.Requests);
    }

    private static bool IsRequired(ParameterInfo parameter) =>
        !parameter.HasDefaultValue && Nullability.Create(parameter).WriteState == NullabilityState.NotNull;

    private static object? Valid(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(RealtimeKitId))
        {
            // A UUID: valid for every id, including those the spec types as UUIDs.
            return (RealtimeKitId)"8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b";
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue is null && type.IsValueType ? Activator.CreateInstance(type) : parameter.DefaultValue;
        }

        return type switch
        {
            _ when type == typeof(string) => "valid",
            _ when type.IsAssignableFrom(typeof(RealtimeKitId[])) => new RealtimeKitId[] { "valid-id" },
            _ when type.IsAssignableFrom(typeof(string[])) => new[] { "valid" },
            _ when type == typeof(CancellationToken) => CancellationToken.None,
            _ when type == typeof(Uri) => new Uri("https://example.com/a.png"),
            _ when type == typeof(int) || type == typeof(long) => Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture),
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) => OneOf(type.GetGenericArguments()[0]),
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ => Activator.CreateInstance(type),
        };
    }

    // A one-item array of the element type's default value (an enum's first member), for IEnumerable<T> parameters.
    private static Array OneOf(Type element)
    {
        var array = Array.CreateInstance(element, 1);
        array.SetValue(element.IsValueType ? Activator.CreateInstance(element) : null, 0);
        return array;
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        RealtimeKitId id => id.IsMissing ? "(missing)" : $"'{Escape(id.ToString())}'",
        string s => $"'{Escape(s)}'",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Show)) + "]",
        _ => value.ToString() ?? "?",
    };

    private static string Escape(string s) => s.Length > 20 ? $"{s.Length} chars" : string.Concat(s.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
