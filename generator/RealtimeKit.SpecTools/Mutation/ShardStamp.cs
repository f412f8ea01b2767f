using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeKit.SpecTools.Mutation;

/// <summary>
/// What one part of a sharded mutation run mutated and on which commit, written beside its report as
/// <c>shard.json</c> before Stryker starts; parts merge only when they measured the same code.
/// </summary>
/// <param name="Shard">The part, <c>K/N</c>.</param>
/// <param name="Commit">The full commit id of HEAD when the part started.</param>
/// <param name="Uncommitted">Whether tracked files differed from that commit.</param>
/// <param name="Files">The part's files, relative to the mutated project's folder.</param>
/// <param name="Tests">The test project's folder, repository-relative: what counts as the same code depends on it (<see cref="MeasuredCode"/>).</param>
public sealed record ShardStamp(
    [property: JsonPropertyName("shard")] string Shard,
    [property: JsonPropertyName("commit")] string Commit,
    [property: JsonPropertyName("uncommitted")] bool Uncommitted,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("tests")] string Tests)
{
    /// <summary>The stamp's file name in a part's folder.</summary>
    public const string FileName = "shard.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The stamp as written to disk.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    /// <summary>Reads a stamp.</summary>
    /// <exception cref="FormatException">The text is not a stamp; the message names <paramref name="source"/>.</exception>
    public static ShardStamp Parse(string json, string source)
    {
        try
        {
            var stamp = JsonSerializer.Deserialize<ShardStamp>(json);
            if (stamp is { Shard: not null, Commit: not null, Files: not null, Tests: not null })
            {
                return stamp;
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source} is not a shard stamp: {e.Message}", e);
        }

        throw new FormatException($"{source} is not a shard stamp: it needs shard, commit, files and tests.");
    }
}
