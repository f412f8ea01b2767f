using System.Reflection;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace RealtimeKit.Generator.Tests;

/// <summary>
/// Runs code generated from the naming fixture (compiled and loaded in memory): query parameters, typed
/// indexers and verb segments produce the URLs Kiota would, through the real Kiota runtime.
/// </summary>
public sealed class GeneratedFixtureBehaviourTests : IDisposable
{
    private static readonly Lazy<Assembly> Fixture = new(() => InMemoryCompiler.Load(SnapshotTests.Generate("naming"), "NamingRuntime"));

    private readonly HttpClientRequestAdapter _adapter = new(new AnonymousAuthenticationProvider(), httpClient: new HttpClient());
    private readonly object _client;

    public GeneratedFixtureBehaviourTests() =>
        _client = Activator.CreateInstance(Fixture.Value.GetType("Fixture.Naming.FixtureClient")!, _adapter)!;

    public void Dispose() => _adapter.Dispose();

    [Fact]
    public void The_root_client_defaults_the_base_url_to_the_first_server()
    {
        Assert.Equal("https://example.test/v1", _adapter.BaseUrl);
    }

    [Fact]
    public void Query_parameters_expand_with_their_wire_names_enum_values_and_exploded_arrays()
    {
        var lineItems = LineItems("s 1");
        var queryType = lineItems.GetType().GetNestedType("LineItemsRequestBuilderGetQueryParameters")!;
        var query = Activator.CreateInstance(queryType)!;
        queryType.GetProperty("PageNo")!.SetValue(query, 2);
        queryType.GetProperty("PerPage")!.SetValue(query, 50L);
        var state = queryType.GetProperty("State")!;
        state.SetValue(query, Enum.Parse(Nullable.GetUnderlyingType(state.PropertyType)!, "Closed"));
        queryType.GetProperty("Tag")!.SetValue(query, new[] { "a", "b c" });

        // As a caller would: GetAsync(c => { c.QueryParameters.PageNo = 2; ... }), through the generated request configuration.
        var configure = typeof(GeneratedFixtureBehaviourTests).GetMethod(nameof(CopyInto), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(queryType).Invoke(null, [query]);
        var request = (RequestInformation)lineItems.GetType().GetMethod("ToGetRequestInformation")!.Invoke(lineItems, [configure])!;

        // Kiota keeps "per-page" percent-encoded in the template; its ParametersNameDecoding handler restores it on the wire.
        Assert.Equal("https://example.test/v1/store-items/s%201/line-items?page_no=2&per%2Dpage=50&state=closed&tag=a&tag=b%20c", request.URI.OriginalString);
        Assert.Equal(Method.GET, request.HttpMethod);
        Assert.Equal("application/json", request.Headers["Accept"].Single());
    }

    [Fact]
    public void A_uuid_item_indexer_and_a_verb_segment_build_the_path()
    {
        var lineItems = LineItems("s1");
        var item = lineItems.GetType().GetProperty("Item", [typeof(Guid)])!.GetValue(lineItems, [Guid.Parse("182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e")])!;
        var deletePath = item.GetType().GetProperty("DeletePath")!.GetValue(item)!;

        var request = (RequestInformation)deletePath.GetType().GetMethod("ToPostRequestInformation")!.Invoke(deletePath, [null])!;

        Assert.Equal("https://example.test/v1/store-items/s1/line-items/182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e/delete", request.URI.OriginalString);
        Assert.Empty(request.Headers); // 204: no Accept
    }

    [Fact]
    public async Task An_error_model_with_a_top_level_message_surfaces_it_as_the_exception_message()
    {
        var problemType = Fixture.Value.GetType("Fixture.Naming.Models.Problem")!;
        var json = """{"message":"Store is closed","Data":"x","poll":"p"}""";
        var factory = (Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<Microsoft.Kiota.Abstractions.Serialization.IParsable>)Delegate.CreateDelegate(
            typeof(Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<Microsoft.Kiota.Abstractions.Serialization.IParsable>), problemType.GetMethod("CreateFromDiscriminatorValue")!);

        var problem = (Exception)(await Microsoft.Kiota.Abstractions.Serialization.KiotaJsonSerializer.DeserializeAsync(json, factory))!;

        Assert.Equal("Store is closed", problem.Message);
        Assert.Equal("x", problemType.GetProperty("DataEscaped")!.GetValue(problem));
        Assert.Equal("p", problemType.GetProperty("Poll")!.GetValue(problem));
    }

    private static Action<RequestConfiguration<T>> CopyInto<T>(T source)
        where T : class, new() =>
        c =>
        {
            foreach (var property in typeof(T).GetProperties())
            {
                property.SetValue(c.QueryParameters, property.GetValue(source));
            }
        };

    private object LineItems(string store)
    {
        var storeItems = _client.GetType().GetProperty("StoreItems")!.GetValue(_client)!;
        var withStore = storeItems.GetType().GetProperty("Item", [typeof(string)])!.GetValue(storeItems, [store])!;
        return withStore.GetType().GetProperty("LineItems")!.GetValue(withStore)!;
    }
}
