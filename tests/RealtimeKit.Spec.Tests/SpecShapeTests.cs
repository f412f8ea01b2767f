using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Spec.Tests;

/// <summary>The spec says what api-facts.md says, operation by operation.</summary>
public class SpecShapeTests
{
    private const string Prefix = "/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}";

    public static TheoryData<string, string, string, string> DocumentedOperations => new()
    {
        { "getActiveSession", "GET", Prefix + "/active-session", "200" },
        { "kickParticipants", "POST", Prefix + "/active-session/kick", "200" },
        { "kickAllParticipants", "POST", Prefix + "/active-session/kick-all", "200" },
        { "muteParticipants", "POST", Prefix + "/active-session/mute", "200" },
        { "muteAllParticipants", "POST", Prefix + "/active-session/mute-all", "200" },
        { "createPoll", "POST", Prefix + "/active-session/poll", "201" },
        { "addParticipant", "POST", Prefix + "/participants", "201" },
        { "deleteParticipant", "DELETE", Prefix + "/participants/{participant_id}", "200" },
    };

    [Theory]
    [MemberData(nameof(DocumentedOperations))]
    public void Each_operation_has_its_documented_method_path_and_success_status(string operationId, string method, string path, string status)
    {
        var operation = Find(operationId);

        Assert.Equal((method, path), (operation.Method, operation.Path));
        var successes = operation.Operation["responses"]!.AsObject().Select(r => r.Key).Where(k => k.StartsWith('2')).ToList();
        Assert.Equal([status], successes);
    }

    [Fact]
    public void Every_operation_has_an_id_a_summary_bearer_security_and_a_success_example()
    {
        var examples = SpecDocument.Examples();
        Assert.Equal("bearer", SpecDocument.Json["components"]!["securitySchemes"]!["api_token"]!["scheme"]!.GetValue<string>());
        foreach (var (method, path, operation) in SpecDocument.Operations())
        {
            var id = operation["operationId"]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(id), $"{method} {path} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{id} has no summary");
            var security = operation["security"]?.AsArray() ?? SpecDocument.Json["security"]!.AsArray();
            Assert.Contains(security, s => s!.AsObject().ContainsKey("api_token"));
            Assert.Contains(examples, e => e.OperationId == id && e.IsSuccess);
        }
    }

    [Theory]
    [InlineData("account_id", 32)]
    [InlineData("app_id", 32)]
    public void Account_and_app_ids_are_strings_of_at_most_32_characters(string parameter, int maxLength)
    {
        var schema = SpecDocument.Json["components"]!["parameters"]![parameter]!["schema"]!;

        Assert.Equal("string", schema["type"]!.GetValue<string>());
        Assert.Equal(maxLength, schema["maxLength"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("getActiveSession", null)]
    [InlineData("kickParticipants", null)]
    [InlineData("createPoll", null)]
    [InlineData("addParticipant", "uuid")]
    [InlineData("deleteParticipant", "uuid")]
    public void Meeting_id_is_a_uuid_only_on_the_participant_operations(string operationId, string? format)
    {
        var (_, _, path, _) = Find(operationId);
        var parameters = SpecDocument.Json["paths"]![path]!["parameters"]!.AsArray().Select(p => SpecDocument.Resolve(p!));
        var meetingId = parameters.Single(p => p["name"]!.GetValue<string>() == "meeting_id");

        Assert.Equal(format, meetingId["schema"]!["format"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("getActiveSession", "404")]
    [InlineData("kickParticipants", "404")]
    [InlineData("addParticipant", "500")]
    [InlineData("deleteParticipant", "500")]
    public void Documented_errors_use_the_realtimekit_error_body(string operationId, string status)
    {
        var response = SpecDocument.Resolve(Find(operationId).Operation["responses"]![status]!);

        Assert.Equal("#/components/schemas/RealtimeKitError", response["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Kick_and_mute_share_one_body_schema_that_requires_both_id_arrays()
    {
        var kick = Find("kickParticipants").Operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var mute = Find("muteParticipants").Operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var required = SpecDocument.Pointer(kick)["required"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(kick, mute);
        Assert.Equal(["participant_ids", "custom_participant_ids"], required);
    }

    [Fact]
    public void Kick_all_sends_no_body()
    {
        Assert.Null(Find("kickAllParticipants").Operation["requestBody"]);
    }

    private static (string Id, string Method, string Path, JsonObject Operation) Find(string operationId) =>
        SpecDocument.Operations()
            .Where(o => o.Operation["operationId"]!.GetValue<string>() == operationId)
            .Select(o => (operationId, o.Method, o.Path, o.Operation))
            .Single();
}
