using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Benchmarks.Scenarios;

/// <summary>
/// The bodies the benchmark server answers with: the spec's documented examples, and the documented participant
/// scaled to any count (each with its own id, custom id and name, so no two are alike).
/// </summary>
public static class Payloads
{
    public const string AccountId = "bench-account";
    public const string AppId = "bench-app";
    public const string ApiToken = "bench-token-0123456789";
    public const string MeetingId = "97440c6a-140b-40a9-9499-b23fd7a3868a";

    public static string AppPath => $"/accounts/{AccountId}/realtime/kit/{AppId}";

    /// <summary>The documented response of getActiveSession.</summary>
    public static byte[] ActiveSession() => Bytes(Example("getActiveSession", "200"));

    /// <summary>The documented kick response with its participant repeated <paramref name="count"/> times.</summary>
    public static byte[] Kicked(int count)
    {
        var example = Example("kickParticipants", "200");
        var template = example["data"]!["participants"]![0]!;
        var participants = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var p = template.DeepClone();
            p["id"] = Id(i);
            p["name"] = $"Participant {i}";
            p["email"] = $"participant-{i}@example.com";
            participants.Add(p);
        }

        example["data"]!["participants"] = participants;
        return Bytes(example);
    }

    /// <summary>The documented page of listParticipants holding <paramref name="count"/> participants.</summary>
    public static byte[] ParticipantPage(int count)
    {
        var example = Example("listParticipants", "200");
        var template = example["data"]![0]!;
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var p = template.DeepClone();
            p["id"] = Id(i);
            p["custom_participant_id"] = $"participant-{i}@example.com";
            p["name"] = $"Participant {i}";
            data.Add(p);
        }

        example["data"] = data;
        example["paging"] = new JsonObject { ["total_count"] = count, ["start_offset"] = 1, ["end_offset"] = count };
        return Bytes(example);
    }

    /// <summary>Participant ids to kick: as many as the response lists.</summary>
    public static List<string> ParticipantIds(int count) => Enumerable.Range(0, count).Select(Id).ToList();

    private static string Id(int i) => $"00000000-0000-4000-8000-{i.ToString("x12", CultureInfo.InvariantCulture)}";

    private static JsonNode Example(string operationId, string status) =>
        SpecDocument.Examples().First(e => e.OperationId == operationId && e.Status == status).Value.DeepClone();

    private static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
