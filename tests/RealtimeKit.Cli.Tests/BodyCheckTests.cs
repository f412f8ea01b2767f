using System.Text.Json.Nodes;
using RealtimeKit.Cli.Commands;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Cli.Tests;

/// <summary>
/// A <c>--body</c> value its model did not take (Kiota's reader drops a value of the wrong type without a word) is
/// found by comparing the body with the model written back, and named with what its field expects.
/// </summary>
public class BodyCheckTests
{
    private sealed class Sample
    {
        public string? Name { get; set; }
        public bool? On { get; set; }
        public int? PageNo { get; set; }
        public long? Count { get; set; }
        public double? Ratio { get; set; }
        public Guid? Id { get; set; }
        public DateTimeOffset? At { get; set; }
        public MeetingStatus? Status { get; set; }
        public List<int>? Ids { get; set; }
        public Sample[]? Children { get; set; }
        public Sample? Child { get; set; }
    }

    [Theory]
    [InlineData("""{"name": 5}""", """{}""", "name: expected a string, got 5.")]
    [InlineData("""{"on": "yes"}""", """{}""", "on: expected true or false, got \"yes\".")]
    [InlineData("""{"page_no": "2"}""", """{}""", "page_no: expected an integer, got \"2\".")]
    [InlineData("""{"count": 1.5}""", """{}""", "count: expected an integer, got 1.5.")]
    [InlineData("""{"ratio": "half"}""", """{}""", "ratio: expected a number, got \"half\".")]
    [InlineData("""{"id": 7}""", """{}""", "id: expected a UUID string, got 7.")]
    [InlineData("""{"at": false}""", """{}""", "at: expected a date-time string, got false.")]
    [InlineData("""{"status": "OPEN"}""", """{}""", "status: expected one of ACTIVE, INACTIVE, got \"OPEN\".")]
    [InlineData("""{"ids": 3}""", """{}""", "ids: expected an array, got 3.")]
    [InlineData("""{"ids": [1, "two"]}""", """{"ids": [1]}""", "ids: expected an array, got [1,\"two\"].")]
    [InlineData("""{"ids": [1, {"x": 2}]}""", """{"ids": [1, 2]}""", "ids[1]: expected an integer, got {\"x\":2}.")]
    [InlineData("""{"children": [{"name": "a"}, {"name": []}]}""", """{"children": [{"name": "a"}, {}]}""", "children[1].name: expected a string, got [].")]
    [InlineData("""{"child": {"child": {"on": 1}}}""", """{"child": {"child": {}}}""", "child.child.on: expected true or false, got 1.")]
    [InlineData("""{"child": "x"}""", """{"child": {}}""", "child: expected an object, got \"x\".")]
    [InlineData("""{"unknown": [1, 2]}""", """{}""", "unknown: expected a value of another kind, got [1,2].")]
    public void A_value_the_model_lost_is_named_with_what_its_field_expects(string given, string readBack, string expected)
    {
        Assert.Equal(expected, BodyCheck.FirstProblem(JsonNode.Parse(given)!, JsonNode.Parse(readBack), typeof(Sample)));
    }

    [Theory]
    [InlineData("""{"name": "a", "on": true, "ids": [1, 2], "child": {"name": null}, "extra": {"kept": 1}}""", """{"name": "a", "on": true, "ids": [1, 2], "child": {}, "extra": {"kept": 1}}""")]
    [InlineData("""{"name": null}""", """{}""")]
    [InlineData("""{"extra": [1, {"a": [2]}]}""", """{"extra": [1, {"a": [2]}]}""")]
    [InlineData("""{"at": "2026-11-27T10:00:00Z"}""", """{"at": "2026-11-27T10:00:00+00:00"}""")]
    public void A_body_the_model_took_whole_has_no_problem(string given, string readBack)
    {
        Assert.Null(BodyCheck.FirstProblem(JsonNode.Parse(given)!, JsonNode.Parse(readBack), typeof(Sample)));
    }

    [Fact]
    public void A_value_longer_than_sixty_characters_is_cut()
    {
        var given = new JsonObject { ["name"] = new JsonArray(Enumerable.Range(0, 40).Select(i => (JsonNode)i).ToArray()) };

        var problem = BodyCheck.FirstProblem(given, new JsonObject(), typeof(Sample))!;

        Assert.Equal("name: expected a string, got " + given["name"]!.ToJsonString()[..57] + "....", problem);
        var sixty = new JsonObject { ["name"] = new string('x', 58) }; // 60 characters with its quotes: shown whole
        Assert.Equal($"name: expected a string, got \"{new string('x', 58)}\".", BodyCheck.FirstProblem(sixty, new JsonObject(), typeof(Sample)));
    }
}
