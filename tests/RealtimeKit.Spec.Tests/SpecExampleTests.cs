using System.Text.Json.Nodes;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Spec.Tests;

public class SpecExampleTests
{
    public static TheoryData<string> ExampleNames() => new(SpecDocument.Examples().Select(e => e.ToString()));

    public static TheoryData<string> DocumentationExampleNames() => new(DocumentationExamples.All().Select(e => e.ToString()));

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Every_spec_example_validates_against_its_schema(string example)
    {
        var e = SpecDocument.Examples().Single(x => x.ToString() == example);

        Assert.Empty(SpecSchemaValidator.Validate(e.Schema, e.Value.ToJsonString()));
    }

    [Fact]
    public void A_broken_copy_of_an_example_fails_validation()
    {
        var example = SpecDocument.Examples().First(e => e.OperationId == "getActiveSession" && e.IsSuccess);
        var broken = example.Value.DeepClone();
        broken["data"]!["status"] = "PAUSED";
        broken["data"]!.AsObject().Remove("id");
        broken["data"]!["live_participants"] = "three";

        var errors = SpecSchemaValidator.Validate(example.Schema, broken.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_nullable_field_accepts_null_and_a_required_one_is_enforced()
    {
        var added = SpecDocument.Examples().First(e => e.OperationId == "addParticipant" && e.IsSuccess);
        var withNulls = added.Value.DeepClone();
        withNulls["data"]!["name"] = null;
        withNulls["data"]!["picture"] = null;
        var withoutToken = added.Value.DeepClone();
        withoutToken["data"]!.AsObject().Remove("token");

        Assert.Empty(SpecSchemaValidator.Validate(added.Schema, withNulls.ToJsonString()));
        Assert.NotEmpty(SpecSchemaValidator.Validate(added.Schema, withoutToken.ToJsonString()));
    }

    [Fact]
    public void The_documentation_pages_hold_examples_to_check()
    {
        var all = DocumentationExamples.All();

        // Four response examples in the HTTP reference, its two curl bodies, the add/delete responses and kick's 404.
        Assert.True(all.Count >= 9, string.Join("\n", all));
        Assert.Contains(all, e => e.Value["error"]?["code"]?.GetValue<int>() == 404);
    }

    [Theory]
    [MemberData(nameof(DocumentationExampleNames))]
    public void Every_documentation_example_is_in_the_spec_value_for_value(string documented)
    {
        var value = DocumentationExamples.All().Single(e => e.ToString() == documented).Value;

        Assert.Contains(SpecDocument.Examples(), e => JsonNode.DeepEquals(e.Value, value));
    }
}
