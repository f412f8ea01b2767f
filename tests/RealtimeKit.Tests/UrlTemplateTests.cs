using System.Reflection;
using System.Text;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RealtimeKit.Generated;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;
using RealtimeKit.Tests.Contract;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Tests;

/// <summary>
/// The SDK expands a request's URL itself (<see cref="UrlTemplate"/>, handed to Kiota by <see cref="RequestUrl"/>)
/// and must make exactly the request Kiota would: for every operation of the spec, built by the generated request
/// builders with plain and with awkward values, the <see cref="HttpRequestMessage"/> of <see cref="SdkRequestAdapter"/>
/// equals that of Kiota's own adapter — method, URL, version, headers, options, body — and the request information
/// is left as Kiota leaves it.
/// </summary>
public sealed class UrlTemplateTests : IDisposable
{
    private const string BaseUrl = "https://api.example.test/client/v4";

    // Spaces, every reserved character, escapes (valid and not), control characters. (Beyond ASCII, the SDK leaves
    // the expansion to Kiota: see OddTemplates.)
    private const string Awkward = " a b/c?d#e[f]g@h!$&'()*+,;=%25%zz~._-\t\u007f\"<>\\^`{|} ";

    private readonly HttpClient _http = new();
    private readonly HttpClientRequestAdapter _kiota;
    private readonly SdkRequestAdapter _sdk;

    public UrlTemplateTests()
    {
        var auth = new TokenAuthenticationProvider(_ => new ValueTask<string>("test-token"));
        _kiota = new HttpClientRequestAdapter(auth, httpClient: _http) { BaseUrl = BaseUrl };
        _sdk = new SdkRequestAdapter(new HttpClientRequestAdapter(auth, httpClient: _http) { BaseUrl = BaseUrl });
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Values a case puts into the path and the query.</summary>
    public enum Values
    {
        /// <summary>The contract tests' ids, no query.</summary>
        Plain,

        /// <summary>Awkward strings in the path, every query parameter set (the last member of an enum).</summary>
        Awkward,

        /// <summary>Empty strings, the first member of each enum, every member in a list, other numbers and dates.</summary>
        Edges,
    }

    public static TheoryData<string, Values> Operations()
    {
        var data = new TheoryData<string, Values>();
        foreach (var (_, _, operation) in SpecDocument.Operations())
        {
            foreach (var values in Enum.GetValues<Values>())
            {
                data.Add(operation["operationId"]!.GetValue<string>(), values);
            }
        }

        return data;
    }

    [Fact]
    public void Kiota_keeps_a_URL_set_from_outside_where_the_SDK_puts_its_own()
    {
        Assert.True(RequestUrl.Supported, "RequestInformation has no _rawUri field of type Uri any more: every URL now goes through Kiota's slower expansion.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_becomes_the_same_request_as_through_Kiota(string operationId, Values values)
    {
        var (method, path, _) = SpecDocument.Operations().Single(o => o.Operation["operationId"]!.GetValue<string>() == operationId);

        var viaKiota = Build(method, path, values);
        var viaSdk = Build(method, path, values);

        // The SDK's own expansion is what runs, not a fall-back to Kiota's.
        var probe = Build(method, path, values);
        probe.PathParameters["baseurl"] = BaseUrl;
        Assert.NotNull(UrlTemplate.For(probe.UrlTemplate!)?.Expand(probe));

        Assert.Equal(await DescribeAsync(_kiota, viaKiota), await DescribeAsync(_sdk, viaSdk));
    }

    public static TheoryData<string, object?> OddTemplates() => new()
    {
        // Forms Kiota does not write: left to Kiota (and so the same, error or not).
        { "{+baseurl}/x{#frag}", "a b" },
        { "{+baseurl}/x{/seg}", "a b" },
        { "{+baseurl}/x{.ext}", "a b" },
        { "{+baseurl}/x{;m}", "a b" },
        { "{+baseurl}/x{&v}", "a b" },
        { "{+baseurl}/x/{v:2}", "abc" },
        { "{+baseurl}/x/{v}}", "a" },
        { "{+baseurl}/x/{v", "a" },
        { "{+baseurl}/x/{}", "a" },
        { "{+baseurl}/x/{a-b}", "a" },
        { "{+baseurl}/x/{v*y}", "a" },
        // The forms Kiota writes, with values of every kind.
        { "{+baseurl}/x/{v}", "" },
        { "{+baseurl}/x/{v}", null },
        { "{+baseurl}/x/{v}", "😀" },
        { "{+baseurl}/x/{v}", "ü€中" },
        { "{+baseurl}/x/{+v}", "ü€中" },
        { "{+baseurl}/x{?v}", "ü" },
        { "{+baseurl}/x/{v}", "\ud83d" },
        { "{+baseurl}/x/{v}", "\u0000\u001f\u007f" },
        { "{+baseurl}/x/{v}", 42 },
        { "{+baseurl}/x/{v}", -42L },
        { "{+baseurl}/x/{v}", 1.5 },
        { "{+baseurl}/x/{v}", 1.5f },
        { "{+baseurl}/x/{v}", 1.5m },
        { "{+baseurl}/x/{v}", (byte)7 },
        { "{+baseurl}/x/{v}", true },
        { "{+baseurl}/x/{v}", new[] { "a b", "c,d" } },
        { "{+baseurl}/x/{v*}", new[] { "a b", "c,d" } },
        { "{+baseurl}/x/{v}", Array.Empty<string>() },
        { "{+baseurl}/x/{v}", new[] { 1, 2 } },
        { "{+baseurl}/x/{v}", new object?[] { "a", null } },
        { "{+baseurl}/x/{v}", new List<string> { "a", "b" } },
        { "{+baseurl}/x/{v}", new Dictionary<string, string> { ["k"] = "v" } },
        { "{+baseurl}/x/{v}", new[] { SortOrder.ASC, SortOrder.DESC } },
        { "{+baseurl}/x/{v}", (SortOrder)99 },
        { "{+baseurl}/x/{v}", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc) },
        { "{+baseurl}/x/{v}", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-7)) },
        { "{+baseurl}/x/{v}", new Date(2026, 1, 2) },
        { "{+baseurl}/x/{v}", new Time(3, 4, 5) },
        { "{+baseurl}/x/{v}", new DateOnly(2026, 1, 2) },
        { "{+baseurl}/x/{v}", Guid.Parse("6e7f8a9b-0c1d-4e2f-8a4b-5c6d7e8f9a0b") },
        { "{+baseurl}/x,y/{v}/z{?v,w*}", "a" },
        { "{+baseurl}/x{?w,v}", new[] { "a b", "c" } },
        { "{+baseurl}/x{?w,v*}", new[] { "a b", "c" } },
        { "{+baseurl}/x{?v}&y=1", "%41" },
        { "{+baseurl}/x/{+v}", "a b/c?d" },
        { "{+baseurl}/x/{+v}", "a%20b" },
        { "{+baseurl}/x/{v,v}", "a" },
        { "{+baseurl}/x/{V}", "a" },
        { "/x/{v}", "a" },
        { "{+baseurl}/meetings?search=a%20b&x={", "a" },
    };

    [Theory]
    [MemberData(nameof(OddTemplates))]
    public async Task Any_template_and_value_gives_the_same_request_or_the_same_error_as_through_Kiota(string template, object? value)
    {
        RequestInformation Make()
        {
            var request = new RequestInformation(Method.GET, template, new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { ["v"] = value! });
            request.QueryParameters["w"] = "q&r";
            return request;
        }

        Assert.Equal(await DescribeAsync(_kiota, Make()), await DescribeAsync(_sdk, Make()));
    }

    [Fact]
    public async Task A_request_whose_URL_was_set_keeps_it()
    {
        RequestInformation Make()
        {
            var request = new RealtimeKitApiClient(_kiota).Accounts["acc"].Realtime.Kit["app"].Meetings.ToGetRequestInformation();
            request.URI = new Uri("https://elsewhere.example.test/a%20b?c=d");
            return request;
        }

        Assert.Equal(await DescribeAsync(_kiota, Make()), await DescribeAsync(_sdk, Make()));
    }

    [Fact]
    public async Task A_request_sent_twice_after_its_parameters_change_gets_the_new_URL_as_through_Kiota()
    {
        async Task<string> TwiceAsync(IRequestAdapter adapter)
        {
            var request = new RealtimeKitApiClient(_kiota).Accounts["acc"].Realtime.Kit["app"].Meetings["m1"].ToGetRequestInformation();
            var first = await DescribeAsync(adapter, request);
            request.PathParameters["meeting_id"] = "m2";
            return first + "\n" + await DescribeAsync(adapter, request);
        }

        var sdk = await TwiceAsync(_sdk);

        Assert.Equal(await TwiceAsync(_kiota), sdk);
        Assert.Contains("/meetings/m2", sdk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_raw_request_gets_the_same_URL_as_through_Kiota()
    {
        RequestInformation Make() => new() { HttpMethod = Method.GET, UrlTemplate = "{+baseurl}/accounts/a/realtime/kit/b/meetings?search=x%20y&page_no=2" };

        Assert.Equal(await DescribeAsync(_kiota, Make()), await DescribeAsync(_sdk, Make()));
    }

    [Fact]
    public async Task The_facade_s_item_builders_make_the_same_requests_as_the_generated_chain()
    {
        var app = new RealtimeKitApiClient(_kiota).Accounts["acc"].Realtime.Kit["app"];
        var paths = new AppPaths(app, _kiota, "acc", "app");
        var session = Guid.Parse(PathValues.SessionId);
        var preset = Guid.Parse(PathValues.PresetId);
        var recording = Guid.Parse(PathValues.RecordingId);
        var webhook = Guid.Parse(PathValues.WebhookId);
        (Func<RequestInformation> Chain, Func<RequestInformation> Direct)[] pairs =
        [
            (() => app.Meetings["m 1"].ActiveSession.ToGetRequestInformation(), () => paths.Meeting("m 1").ActiveSession.ToGetRequestInformation()),
            (() => app.Meetings["m"].Participants["p/1"].ToGetRequestInformation(), () => paths.MeetingParticipant("m", "p/1").ToGetRequestInformation()),
            (() => app.Sessions[session].ToGetRequestInformation(), () => paths.Session(session).ToGetRequestInformation()),
            (() => app.Presets[preset].ToGetRequestInformation(), () => paths.Preset(preset).ToGetRequestInformation()),
            (() => app.Recordings[recording].ToGetRequestInformation(), () => paths.Recording(recording).ToGetRequestInformation()),
            (() => app.Webhooks[webhook].ToGetRequestInformation(), () => paths.Webhook(webhook).ToGetRequestInformation()),
            (() => app.Livestreams["l?1"].ToGetRequestInformation(), () => paths.Livestream("l?1").ToGetRequestInformation()),
        ];

        foreach (var (chain, direct) in pairs)
        {
            Assert.Equal(await DescribeAsync(_kiota, chain()), await DescribeAsync(_sdk, direct()));
        }
    }

    // The request through the generated builders, as the facade and client.Api make it.
    private RequestInformation Build(string method, string path, Values values)
    {
        object builder = new RealtimeKitApiClient(_kiota);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            builder = segment.StartsWith('{') ? Item(builder, segment.Trim('{', '}'), values) : Child(builder, segment);
        }

        var verb = method[0] + method[1..].ToLowerInvariant();
        var toRequest = builder.GetType().GetMethods().Single(m => m.Name == $"To{verb}RequestInformation" && m.GetParameters().All(p => p.ParameterType != typeof(string)));
        var arguments = toRequest.GetParameters().Select(p => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(Action<>) ? null : Activator.CreateInstance(p.ParameterType)).ToArray();
        var request = (RequestInformation)toRequest.Invoke(builder, arguments)!;

        var configuration = toRequest.GetParameters()[^1].ParameterType.GetGenericArguments()[0];
        var queryType = configuration.GetGenericArguments()[0];
        if (values != Values.Plain && queryType != typeof(DefaultQueryParameters))
        {
            var query = Activator.CreateInstance(queryType)!;
            foreach (var property in queryType.GetProperties().Where(p => p.CanWrite))
            {
                property.SetValue(query, QueryValue(property.PropertyType, values));
            }

            typeof(RequestInformation).GetMethod(nameof(RequestInformation.AddQueryParameters))!.MakeGenericMethod(queryType).Invoke(request, [query]);
        }

        request.AddRequestOptions([RetrySafety.IdempotentRequest]);
        request.Headers.Add("X-Extra", values == Values.Plain ? "1" : "a b, c");
        return request;
    }

    private static object Child(object builder, string segment)
    {
        var name = Normalize(segment);
        var property = builder.GetType().GetProperties().Single(p => p.GetIndexParameters().Length == 0 && Normalize(p.Name) == name);
        return property.GetValue(builder)!;
    }

    private static object Item(object builder, string parameter, Values values)
    {
        var indexers = builder.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 1).ToList();
        var byString = indexers.FirstOrDefault(p => p.GetIndexParameters()[0].ParameterType == typeof(string) && p.GetCustomAttribute<ObsoleteAttribute>() is null);
        if (byString is not null)
        {
            var value = values switch
            {
                Values.Plain => PathValues.For(parameter),
                Values.Awkward => Awkward + parameter,
                _ => parameter == "meeting_id" ? string.Empty : "%" + parameter.ToUpperInvariant(),
            };
            return byString.GetValue(builder, [value])!;
        }

        var byGuid = indexers.Single(p => p.GetIndexParameters()[0].ParameterType == typeof(Guid));
        return byGuid.GetValue(builder, [Guid.Parse(PathValues.For(parameter))])!;
    }

    private static object? QueryValue(Type type, Values values)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var edges = values == Values.Edges;
        if (target == typeof(string))
        {
            return edges ? string.Empty : Awkward;
        }

        if (target == typeof(int))
        {
            return edges ? 0 : -7;
        }

        if (target == typeof(long))
        {
            return edges ? long.MinValue : 1234567890123L;
        }

        if (target == typeof(bool))
        {
            return !edges;
        }

        if (target == typeof(DateTimeOffset))
        {
            return edges ? new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero) : new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.FromHours(5.5));
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse(PathValues.SessionId);
        }

        if (target.IsEnum)
        {
            var members = Enum.GetValues(target);
            return members.GetValue(edges ? 0 : members.Length - 1);
        }

        if (target.IsArray && target.GetElementType()!.IsEnum)
        {
            var members = Enum.GetValues(target.GetElementType()!);
            var array = Array.CreateInstance(target.GetElementType()!, edges ? members.Length : 1);
            for (var i = 0; i < array.Length; i++)
            {
                array.SetValue(members.GetValue(edges ? i : members.Length - 1), i);
            }

            return array;
        }

        throw new InvalidOperationException($"Add a value for query parameters of type {type} to this test.");
    }

    private static string Normalize(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    // Everything Kiota puts on the message, and what it leaves on the request information, or what it throws.
    private static async Task<string> DescribeAsync(IRequestAdapter adapter, RequestInformation request)
    {
        var text = new StringBuilder();
        try
        {
            using var message = (await adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(request))!;
            text.AppendLine($"{message.Method} {message.RequestUri!.OriginalString} ({message.RequestUri.AbsoluteUri}) HTTP/{message.Version}");
            foreach (var header in message.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"{header.Key}: {string.Join(" | ", header.Value)}");
            }

            if (message.Content is { } content)
            {
                foreach (var header in content.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    text.AppendLine($"{header.Key}: {string.Join(" | ", header.Value)}");
                }

                text.AppendLine(await content.ReadAsStringAsync());
            }

            foreach (var option in message.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                text.AppendLine($"option {option.Key}: {option.Value?.GetType().FullName}");
            }
        }
        catch (Exception e)
        {
            text.AppendLine($"threw {e.GetType().FullName}: {e.Message}");
        }

        foreach (var pair in request.PathParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"path {pair.Key} = {Format(pair.Value)}");
        }

        foreach (var pair in request.QueryParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"query {pair.Key} = {Format(pair.Value)}");
        }

        try
        {
            text.AppendLine($"URI afterwards: {request.URI}");
        }
        catch (Exception e)
        {
            text.AppendLine($"URI afterwards threw {e.GetType().FullName}: {e.Message}");
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => $"{value} ({value.GetType().Name})",
    };
}
