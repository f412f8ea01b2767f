using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Drift;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>The spec against a published description: differences at both files' lines, and deliberate corrections left out.</summary>
public sealed class DriftTests
{
    // What "Cloudflare" publishes for the fixture API: other parameter names, one more operation, query parameter
    // and status, a stricter request body, an integer vote count, one more enum value, no uri format, no created_at.
    private const string Published = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Published", "version": "4.0.0" },
          "paths": {
            "/rooms/{roomId}/polls": {
              "get": {
                "operationId": "get_polls",
                "parameters": [
                  { "name": "roomId", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "page_no", "in": "query", "schema": { "type": "integer" } }
                ],
                "responses": {
                  "200": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PollList" } } } }
                }
              },
              "post": {
                "operationId": "post_polls",
                "parameters": [
                  { "name": "roomId", "in": "path", "required": true, "schema": { "type": "string" } },
                  { "name": "dry_run", "in": "query", "schema": { "type": "boolean" } }
                ],
                "requestBody": {
                  "required": true,
                  "content": { "application/json": { "schema": {
                    "type": "object",
                    "required": ["question", "hide_votes"],
                    "properties": {
                      "question": { "type": "string" },
                      "hide_votes": { "type": "boolean" },
                      "link": { "type": "string" }
                    }
                  } } }
                },
                "responses": {
                  "201": { "description": "OK", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Poll" } } } },
                  "400": { "description": "Bad" },
                  "409": { "description": "Conflict" }
                }
              }
            },
            "/rooms/{roomId}/polls/{pollId}": {
              "delete": { "operationId": "delete_poll", "responses": { "200": { "description": "OK" } } }
            }
          },
          "components": {
            "schemas": {
              "Poll": {
                "type": "object",
                "required": ["id", "status"],
                "properties": {
                  "id": { "type": "string" },
                  "status": { "type": "string", "enum": ["open", "closed", "draft"] },
                  "votes": { "type": "integer" }
                }
              },
              "PollList": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/Poll" } } } }
            }
          }
        }
        """;

    private static readonly string Ours = Fixture.With(
            "    CreatePollBody:\n      type: object\n      required: [question]\n",
            "    CreatePollBody:\n      type: object\n      # Differs from the published description: hide_votes is optional; the service\n      # defaults it to false.\n      required: [question]\n")
        .Replace("          format: uri\n", "          format: uri  # Differs from the published description: links are URIs.\n", StringComparison.Ordinal);

    private static DriftReport Report(string published = Published) => DriftReport.Create(Ours, "openapi/fixture.yaml", published, "published.json");

    private static DriftItem Difference(DriftReport report, ChangeKind kind, string subject) =>
        Assert.Single(report.Differences, d => d.Change.Kind == kind && d.Change.Subject == subject);

    [Fact]
    public void Every_unmarked_difference_is_listed_at_the_spec_line_and_the_published_line()
    {
        var report = Report();

        Assert.Equal(2, report.SharedOperations);
        var missing = Difference(report, ChangeKind.OperationRemoved, "delete_poll");
        Assert.Equal(Fixture.LineOf(Published, "\"/rooms/{roomId}/polls/{pollId}\"") + 1, missing.PublishedLocation!.Value.Line);
        var votes = Difference(report, ChangeKind.TypeChanged, "Poll.votes");
        Assert.Equal((Fixture.LineOf(Ours, "type: number"), Fixture.LineOf(Published, "\"votes\": { \"type\": \"integer\" }")), (votes.Location.Line, votes.PublishedLocation!.Value.Line));
        Assert.Contains("number here, integer in the published description", votes.Message, StringComparison.Ordinal);
        Assert.Equal("\"draft\"", Difference(report, ChangeKind.EnumValuesRemoved, "PollStatus").Change.Before);
        Difference(report, ChangeKind.ResponseRemoved, "createPoll response 409");
        var createdAt = Difference(report, ChangeKind.PropertyAdded, "Poll.created_at");
        Assert.Equal(Fixture.LineOf(Ours, "created_at:"), createdAt.Location.Line);
        Assert.Equal(["createPoll", "listPolls"], createdAt.Change.Operations);
        var dryRun = Difference(report, ChangeKind.ParameterRemoved, "post_polls parameter dry_run");
        Assert.Equal(Fixture.LineOf(Ours, "    post:"), dryRun.Location.Line); // where it would go: the operation
        Assert.Equal(6, report.Differences.Count);
    }

    [Fact]
    public void A_marker_above_or_after_the_line_concerned_moves_the_difference_to_the_deliberate_corrections()
    {
        var report = Report();

        var required = Assert.Single(report.Corrections, c => c.Change.Kind == ChangeKind.RequiredRemoved);
        Assert.Equal("CreatePollBody.hide_votes", required.Change.Subject);
        Assert.Equal("hide_votes is optional; the service defaults it to false.", required.Marker!.Reason);
        var format = Assert.Single(report.Corrections, c => c.Change.Kind == ChangeKind.FormatChanged);
        Assert.Equal(Fixture.LineOf(Ours, "format: uri  #"), format.Marker!.Line);
        Assert.Equal(2, report.Corrections.Count);
    }

    [Fact]
    public void A_marker_that_covers_no_difference_is_reported_as_unused()
    {
        var spec = Ours.Replace("    PollList:\n", "    # Differs from the published description: nothing here any more.\n    PollList:\n", StringComparison.Ordinal);

        var unused = Assert.Single(DriftReport.Create(spec, "openapi/fixture.yaml", Published, "published.json").UnusedMarkers);

        Assert.Equal(Fixture.LineOf(spec, "nothing here any more"), unused.Line);
        Assert.Equal(Fixture.LineOf(spec, "PollList:"), unused.TargetLine);
        Assert.Empty(Report().UnusedMarkers);
    }

    [Fact]
    public void A_marker_on_a_schema_covers_the_differences_inside_it()
    {
        var spec = Ours.Replace("    Poll:\n", "    # Differs from the published description: our poll model.\n    Poll:\n", StringComparison.Ordinal);

        var report = DriftReport.Create(spec, "openapi/fixture.yaml", Published, "published.json");

        Assert.Contains(report.Corrections, c => c.Change.Subject == "Poll.votes");
        Assert.Contains(report.Corrections, c => c.Change.Subject == "Poll.created_at");
        // PollStatus is only reached through Poll.status, one reference away, so the marker covers it too.
        Assert.Contains(report.Corrections, c => c.Change.Subject == "PollStatus");
        Assert.Equal(3, report.Differences.Count);
    }

    [Fact]
    public void A_marker_covers_a_shared_schema_only_when_every_route_to_it_is_marked()
    {
        var spec = Ours.Replace("    post:\n", "    # Differs from the published description: creating differs.\n    post:\n", StringComparison.Ordinal);

        var report = DriftReport.Create(spec, "openapi/fixture.yaml", Published, "published.json");

        // Poll is reached from createPoll (marked) and listPolls (not): still a difference.
        Assert.Contains(report.Differences, d => d.Change.Subject == "Poll.votes");
        Assert.Contains(report.Corrections, c => c.Change.Subject == "createPoll response 409");
    }

    [Fact]
    public void A_marker_does_not_reach_schemas_two_references_away()
    {
        // listPolls → PollList → Poll: the marked path reaches Poll only through PollList.
        var spec = Ours.Replace("  /rooms/{room_id}/polls:\n", "  # Differs from the published description: the whole path.\n  /rooms/{room_id}/polls:\n", StringComparison.Ordinal);

        var report = DriftReport.Create(spec, "openapi/fixture.yaml", Published, "published.json");

        Assert.Contains(report.Differences, d => d.Change.Subject == "Poll.votes");
        Assert.Contains(report.Corrections, c => c.Change.Subject == "createPoll response 409");
    }

    [Fact]
    public void Something_the_spec_lacks_is_covered_by_a_marker_among_the_keys_of_the_place_it_would_be_in()
    {
        var spec = Ours.Replace("      summary: Create a poll\n", "      summary: Create a poll\n      # Differs from the published description: no dry runs.\n", StringComparison.Ordinal);

        var report = DriftReport.Create(spec, "openapi/fixture.yaml", Published, "published.json");

        Assert.Equal("no dry runs.", Assert.Single(report.Corrections, c => c.Change.Kind == ChangeKind.ParameterRemoved).Marker!.Reason);
        Assert.Contains(report.Differences, d => d.Change.Kind == ChangeKind.ResponseRemoved); // the 409 has a place: responses
    }

    [Fact]
    public void A_YAML_published_description_reads_like_the_JSON_one()
    {
        var yaml = Fixture.Load(Fixture.Spec).Json.ToJsonString(); // JSON is YAML too; the lenient reader takes it as JSON
        var asJson = DriftReport.Create(Ours, "openapi/fixture.yaml", yaml, "published.json");
        var asYaml = DriftReport.Create(Ours, "openapi/fixture.yaml", "# published\n" + Fixture.Spec, "published.yaml");

        Assert.Empty(asJson.Differences);
        Assert.Empty(asYaml.Differences);
        Assert.Equal(2, asYaml.SharedOperations);
    }

    [Fact]
    public void A_published_description_of_odd_shapes_is_compared_without_failing()
    {
        const string odd = """
            {
              "openapi": "3.0.3",
              "paths": {
                "/rooms/{x}/polls": {
                  "parameters": "oops",
                  "get": {
                    "parameters": ["oops", { "$ref": "#/nowhere" }],
                    "responses": { "200": "oops", "201": { "content": { "application/json": "oops" } } }
                  },
                  "post": { "requestBody": { "$ref": "#/components/requestBodies/Missing" }, "responses": null }
                },
                "/loop": { "get": { "responses": { "200": { "$ref": "#/components/responses/A" } } } },
                "/schemas": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/S" } } } } } } }
              },
              "components": {
                "responses": { "A": { "$ref": "#/components/responses/A" } },
                "schemas": { "S": { "allOf": [{ "$ref": "#/components/schemas/S" }, true], "items": [1, 2], "properties": [] } }
              }
            }
            """;

        var report = DriftReport.Create(Ours, "openapi/fixture.yaml", odd, "odd.json");

        Assert.Empty(report.Errors);
        Assert.Equal(2, report.SharedOperations);
        Assert.Contains(report.Differences, d => d.Change.Kind == ChangeKind.OperationRemoved && d.Change.Subject == "GET /loop");
    }

    [Fact]
    public void A_published_file_that_is_not_JSON_is_an_error_at_its_line()
    {
        var report = DriftReport.Create(Ours, "openapi/fixture.yaml", "{\n  \"paths\": {\n    oops\n  }\n}", "broken.json");

        Assert.Equal(1, report.ExitCode);
        Assert.StartsWith("broken.json(3,", Assert.Single(report.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_that_does_not_load_is_an_error_at_its_line()
    {
        var report = DriftReport.Create(Fixture.Spec.Replace("    get:\n", "    get: [\n", StringComparison.Ordinal), "openapi/fixture.yaml", Published, "published.json");

        Assert.Equal(1, report.ExitCode);
        Assert.StartsWith("openapi/fixture.yaml(", Assert.Single(report.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_and_JSON_reports_list_differences_corrections_and_unused_markers()
    {
        var report = Report();
        var markdown = report.Markdown();
        var json = System.Text.Json.Nodes.JsonNode.Parse(report.Json())!;

        Assert.Contains("## Deliberate corrections", markdown, StringComparison.Ordinal);
        Assert.Contains("openapi/fixture.yaml:" + Fixture.LineOf(Ours, "type: number"), markdown, StringComparison.Ordinal);
        Assert.Equal(6, json["differences"]!.AsArray().Count);
        Assert.Equal(2, json["corrections"]!.AsArray().Count);
        Assert.Empty(json["unusedMarkers"]!.AsArray());
    }

    [Fact]
    public void Markers_are_found_after_values_and_above_lines_with_their_reasons_continued()
    {
        var markers = CorrectionMarkers.Find("""
            a:
              # Differs from the published description: first line
              # and its continuation.
              # An unrelated comment.

              b: 1
              c: 2 # Differs from the published description: trailing.
              d: '# Differs from the published description: inside a string, not a comment'
            """);

        Assert.Equal(2, markers.Count);
        Assert.Equal(new CorrectionMarker(2, 6, "first line and its continuation."), markers[0]);
        Assert.Equal(new CorrectionMarker(7, 7, "trailing."), markers[1]);
    }
}
