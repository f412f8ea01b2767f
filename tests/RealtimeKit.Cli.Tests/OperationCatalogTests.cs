using System.Text.Json.Nodes;
using RealtimeKit.Cli.Spec;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// <c>rtk api</c>'s catalog, read from the spec embedded in rtk, agrees with the spec in the repository on every
/// operation: method, path, path and query parameters (shared ones and <c>$ref</c>s included), body and summary.
/// </summary>
public class OperationCatalogTests
{
    public static TheoryData<string> OperationIds()
    {
        var ids = new TheoryData<string>();
        foreach (var (_, _, operation) in SpecDocument.Operations())
        {
            ids.Add(operation["operationId"]!.GetValue<string>());
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public void Each_operation_is_catalogued_as_the_spec_declares_it(string operationId)
    {
        var (method, path, operation) = SpecDocument.Operations().Single(o => o.Operation["operationId"]!.GetValue<string>() == operationId);
        var pathItem = SpecDocument.Pointer("#/paths/" + path.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        var parameters = Parameters(pathItem).Concat(Parameters(operation)).ToList();

        var catalogued = OperationCatalog.Find(operationId);

        Assert.NotNull(catalogued);
        Assert.Equal(method, catalogued.Method);
        Assert.Equal(path, catalogued.PathTemplate);
        Assert.Equal(parameters.Where(p => p.In == "path").Select(p => p.Name).Order(StringComparer.Ordinal), catalogued.PathParameters.Order(StringComparer.Ordinal));
        Assert.Equal(parameters.Where(p => p.In == "query").Select(p => p.Name).Distinct().Order(StringComparer.Ordinal), catalogued.QueryParameters.Order(StringComparer.Ordinal));
        Assert.Equal(operation["requestBody"] is not null, catalogued.HasBody);
        Assert.Equal(operation["summary"]?.GetValue<string>() ?? string.Empty, catalogued.Summary);
    }

    [Fact]
    public void Query_parameters_shared_by_a_path_or_referenced_from_components_are_catalogued_once()
    {
        // Component names that need JSON-pointer escapes (~1 for '/', ~0 for '~'), a duplicate, a dangling $ref and
        // an entry without "in" (the last two are not parameters the catalog can use).
        const string Spec = """
            openapi: 3.0.3
            paths:
              /rooms/{room_id}/polls:
                parameters:
                  - $ref: '#/components/parameters/page~1no'
                  - name: tenant
                    in: query
                get:
                  operationId: listPolls
                  summary: List polls
                  parameters:
                    - $ref: '#/components/parameters/per~0page'
                    - name: tenant
                      in: query
                    - $ref: '#/components/parameters/missing'
                    - name: no_location
                post:
                  requestBody:
                    content: {}
            components:
              parameters:
                page/no:
                  name: page_no
                  in: query
                per~page:
                  name: per_page
                  in: query
            """;

        var operations = OperationCatalog.Parse(new StringReader(Spec));

        var list = Assert.Single(operations, o => o.Method == "GET");
        Assert.Equal(("listPolls", "/rooms/{room_id}/polls", false, "List polls"), (list.OperationId, list.PathTemplate, list.HasBody, list.Summary));
        Assert.Equal(["room_id"], list.PathParameters);
        Assert.Equal(["page_no", "tenant", "per_page"], list.QueryParameters);
        var create = Assert.Single(operations, o => o.Method == "POST");
        Assert.Equal(("POST /rooms/{room_id}/polls", true, string.Empty), (create.OperationId, create.HasBody, create.Summary));
        Assert.Equal(["page_no", "tenant"], create.QueryParameters);
    }

    [Fact]
    public void An_unknown_operation_id_is_not_found_and_ids_are_case_sensitive()
    {
        Assert.Null(OperationCatalog.Find("noSuchOperation"));
        Assert.Null(OperationCatalog.Find("GETACTIVESESSION"));
        Assert.NotNull(OperationCatalog.Find("getActiveSession"));
    }

    [Fact]
    public async Task The_text_listing_is_sorted_one_operation_a_line_with_method_short_path_and_summary()
    {
        var result = await CliHarness.RunWithAsync(_ => null, "api");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(OperationCatalog.All.Count, lines.Length);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        var active = OperationCatalog.Find("getActiveSession")!;
        Assert.Contains($"{"getActiveSession",-34} {"GET",-6} /{{app_id}}/meetings/{{meeting_id}}/active-session  {active.Summary}", lines);
    }

    private static IEnumerable<(string Name, string In)> Parameters(JsonNode node) =>
        (node["parameters"]?.AsArray() ?? [])
            .Select(p => SpecDocument.Resolve(p!))
            .Select(p => (p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>()));
}
