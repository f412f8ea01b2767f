using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Reporting;
using RealtimeKit.SpecTools.Specs;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>A small spec shaped like the project's (a shared envelope, a request body, an enum, path and query parameters), and helpers around it.</summary>
internal static class Fixture
{
    public const string Spec = """
        openapi: 3.0.3
        info:
          title: Fixture
          version: '1'
        servers:
          - url: https://example.test/v1
        security:
          - api_token: []
        paths:
          /rooms/{room_id}/polls:
            parameters:
              - $ref: '#/components/parameters/room_id'
            get:
              operationId: listPolls
              summary: List polls
              parameters:
                - name: page_no
                  in: query
                  schema:
                    type: integer
              responses:
                '200':
                  description: The polls.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/PollList'
            post:
              operationId: createPoll
              summary: Create a poll
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/CreatePollBody'
              responses:
                '201':
                  description: The poll.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Poll'
                '400':
                  description: Refused.
        components:
          securitySchemes:
            api_token:
              type: http
              scheme: bearer
          parameters:
            room_id:
              name: room_id
              in: path
              required: true
              schema:
                type: string
          schemas:
            CreatePollBody:
              type: object
              required: [question]
              properties:
                question:
                  type: string
                  description: The question.
                hide_votes:
                  type: boolean
                  description: Whether votes are hidden.
                link:
                  type: string
                  format: uri
            Poll:
              type: object
              required: [id, status]
              properties:
                id:
                  type: string
                status:
                  $ref: '#/components/schemas/PollStatus'
                created_at:
                  type: string
                  format: date-time
                votes:
                  type: number
            PollList:
              type: object
              properties:
                data:
                  type: array
                  items:
                    $ref: '#/components/schemas/Poll'
            PollStatus:
              type: string
              enum: [open, closed]
        """;

    public static SpecFile Load(string yaml, string name = "openapi/fixture.yaml") => SpecFile.LoadChecked(yaml, name);

    /// <summary>Compares the fixture with <paramref name="changed"/> and classifies every change.</summary>
    public static IReadOnlyList<ClassifiedChange> Changes(string changed, string? original = null) =>
        SpecComparer.Compare(Load(original ?? Spec, "openapi/base.yaml"), Load(changed))
            .Changes.Select(ChangeClassifier.Classify).ToList();

    /// <summary>The fixture with <paramref name="oldText"/> replaced, checking it was there exactly once.</summary>
    public static string With(string oldText, string newText, string? spec = null)
    {
        spec ??= Spec;
        var at = spec.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(at >= 0 && spec.IndexOf(oldText, at + 1, StringComparison.Ordinal) < 0, $"'{oldText}' is not in the fixture exactly once.");
        return spec.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first line of <paramref name="yaml"/> containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var index = yaml.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' is not in the text.");
        return index + 1;
    }
}
