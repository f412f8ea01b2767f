using System.Text.Json;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>What the merged score needs from a project's stryker-config.json (JSON with comments).</summary>
public static class StrykerConfig
{
    /// <summary>The <c>thresholds.break</c> score, below which a run fails (0 when the file sets none, as in Stryker).</summary>
    /// <exception cref="FormatException">The text is not a Stryker configuration.</exception>
    public static double BreakThreshold(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.TryGetProperty("stryker-config", out var config)
                && config.TryGetProperty("thresholds", out var thresholds)
                && thresholds.TryGetProperty("break", out var breakAt)
                ? breakAt.GetDouble()
                : 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"Not a Stryker configuration: {e.Message}", e);
        }
    }
}
