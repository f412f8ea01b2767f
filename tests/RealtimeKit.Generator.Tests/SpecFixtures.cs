namespace RealtimeKit.Generator.Tests;

/// <summary>Small OpenAPI documents for the generator's tests, and a way to find a line in them.</summary>
internal static class SpecFixtures
{
    private const string Head = """
        openapi: 3.0.3
        info:
          title: Fixture
          version: '1'
        servers:
          - url: https://example.test/v1
        paths:
        """;

    /// <summary>A one-operation spec whose 200 response has <paramref name="responseSchema"/> (YAML, unindented).</summary>
    public static string Operation(string responseSchema, string extra = "") => Head + $$"""

          /things:
            get:
              operationId: getThings
              summary: Get things
        {{extra}}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
        {{Indent(responseSchema, 16)}}
        components:
          schemas:
            Thing:
              type: object
              properties:
                id:
                  type: string
        """ + "\n";

    /// <summary>The 1-based line of the first line of <paramref name="yaml"/> containing <paramref name="marker"/>.</summary>
    public static int LineOf(string yaml, string marker)
    {
        var index = yaml.Split('\n').ToList().FindIndex(l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{marker}' is not in the fixture.");
        return index + 1;
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => new string(' ', spaces) + l));
}
