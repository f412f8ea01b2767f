using System.Text.Json;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// The shapes nested request bodies are checked against: what each accepts, and the refusal naming the first field
/// that breaks the shape by its path, what was expected (with its range) and what was got.
/// </summary>
public sealed class JsonShapeTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        { "bool", "true", null },
        { "bool", "false", null },
        { "bool", "\"true\"", "x must be a boolean, got \"true\"." },
        { "text", "\"a\"", null },
        { "text", "1", "x must be a string, got 1." },
        { "uri", "\"https://example.com/a.png\"", null },
        { "uri", "\"relative/a.png\"", "x must be an absolute URI, got \"relative/a.png\"." },
        { "uri", "3", "x must be an absolute URI, got 3." },
        { "uuid", "\"0b3f6f2e-4c1a-4a43-9d6e-6f0e0b0c1d2e\"", null },
        { "uuid", "\"0b3f6f2e4c1a4a439d6e6f0e0b0c1d2e\"", "x must be a UUID, got \"0b3f6f2e4c1a4a439d6e6f0e0b0c1d2e\"." },
        { "uuid", "7", "x must be a UUID, got 7." },
        { "number0to100", "0", null },
        { "number0to100", "100", null },
        { "number0to100", "-0.5", "x must be a number from 0 to 100, got -0.5." },
        { "number0to100", "100.5", "x must be a number from 0 to 100, got 100.5." },
        { "number0to100", "\"5\"", "x must be a number from 0 to 100, got \"5\"." },
        { "numberAtLeast1", "0", "x must be a number of at least 1, got 0." },
        { "numberAtMost5", "6", "x must be a number of at most 5, got 6." },
        { "number", "-1e300", null },
        { "number", "true", "x must be a number, got true." },
        { "integer1to10", "1", null },
        { "integer1to10", "10", null },
        { "integer1to10", "11", "x must be an integer from 1 to 10, got 11." },
        { "integer1to10", "0", "x must be an integer from 1 to 10, got 0." },
        { "integer1to10", "1.5", "x must be an integer from 1 to 10, got 1.5." },
        { "oneOf", "\"A\"", null },
        { "oneOf", "\"a\"", "x must be one of A, B, got \"a\"." },
        { "oneOf", "1", "x must be one of A, B, got 1." },
        { "nullableText", "null", null },
        { "nullableText", "\"a\"", null },
        { "nullableText", "2", "x must be a string, got 2." },
        { "object", """{"k":true,"extra":1}""", null },
        { "object", """{"k":true,"o":"s"}""", null },
        { "object", """{"extra":1}""", "x.k is required." },
        { "object", """{"k":1}""", "x.k must be a boolean, got 1." },
        { "object", """{"k":true,"o":1}""", "x.o must be a string, got 1." },
        { "object", "[]", "x must be an object, got []." },
        { "map", """{"a":1,"b":2}""", null },
        { "map", """{"a":1,"b":"two"}""", "x.b must be an integer from 1 to 10, got \"two\"." },
        { "map", "1", "x must be an object, got 1." },
        { "list1to2", """["a"]""", null },
        { "list1to2", """["a","b"]""", null },
        { "list1to2", "[]", "x must hold from 1 to 2 items, got 0." },
        { "list1to2", """["a","b","c"]""", "x must hold from 1 to 2 items, got 3." },
        { "list1to2", """["a",5]""", "x[1] must be a string, got 5." },
        { "list1to2", "{}", "x must be an array, got {}." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_shape_accepts_its_values_and_refuses_others_naming_the_field_the_expectation_and_the_value(string shape, string json, string? problem)
    {
        using var value = JsonDocument.Parse(json);

        var refusal = Record.Exception(() => Shape(shape).Check(value.RootElement, "x"));

        if (problem is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            var emulatorProblem = Assert.IsType<EmulatorProblem>(refusal);
            Assert.Equal(400, emulatorProblem.Status);
            Assert.Equal(problem, emulatorProblem.Message);
        }
    }

    [Fact]
    public void A_whole_body_is_named_the_body_and_its_fields_by_their_own_names()
    {
        var shape = JsonShape.Object(new Dictionary<string, JsonShape> { ["outer"] = JsonShape.Optional(new Dictionary<string, JsonShape> { ["inner"] = JsonShape.Bool }) });
        var map = JsonShape.MapOf(JsonShape.Bool);
        using var notObject = JsonDocument.Parse("5");
        using var nested = JsonDocument.Parse("""{"outer":{"inner":"no"}}""");

        Assert.Equal("The body must be an object, got 5.", Assert.Throws<EmulatorProblem>(() => shape.Check(notObject.RootElement, string.Empty)).Message);
        Assert.Equal("The body must be an object, got 5.", Assert.Throws<EmulatorProblem>(() => map.Check(notObject.RootElement, string.Empty)).Message);
        Assert.Equal("outer.inner must be a boolean, got \"no\".", Assert.Throws<EmulatorProblem>(() => shape.Check(nested.RootElement, string.Empty)).Message);
    }

    [Fact]
    public void The_first_required_field_that_breaks_the_shape_is_the_one_named()
    {
        var shape = JsonShape.Object(new Dictionary<string, JsonShape> { ["a"] = JsonShape.Text, ["b"] = JsonShape.Text });
        using var both = JsonDocument.Parse("""{"a":1,"b":2}""");

        Assert.Equal("x.a must be a string, got 1.", Assert.Throws<EmulatorProblem>(() => shape.Check(both.RootElement, "x")).Message);
    }

    [Theory]
    [InlineData(58, false)]
    [InlineData(59, true)]
    public void What_was_got_is_shown_whole_up_to_60_characters_and_cut_beyond(int letters, bool cut)
    {
        using var value = JsonDocument.Parse("\"" + new string('q', letters) + "\"");
        var raw = value.RootElement.GetRawText();

        Assert.Equal(cut ? raw[..57] + "..." : raw, JsonShape.Got(value.RootElement));
    }

    private static JsonShape Shape(string name) => name switch
    {
        "bool" => JsonShape.Bool,
        "text" => JsonShape.Text,
        "uri" => JsonShape.AbsoluteUri,
        "uuid" => JsonShape.Uuid,
        "number0to100" => JsonShape.Number(0, 100),
        "numberAtLeast1" => JsonShape.Number(min: 1),
        "numberAtMost5" => JsonShape.Number(max: 5),
        "number" => JsonShape.Number(),
        "integer1to10" => JsonShape.Integer(1, 10),
        "oneOf" => JsonShape.OneOf("A", "B"),
        "nullableText" => JsonShape.Text.OrNull(),
        "object" => JsonShape.Object(new Dictionary<string, JsonShape> { ["k"] = JsonShape.Bool }, new Dictionary<string, JsonShape> { ["o"] = JsonShape.Text }),
        "map" => JsonShape.MapOf(JsonShape.Integer(1, 10)),
        "list1to2" => JsonShape.ListOf(JsonShape.Text, 1, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a shape of this test."),
    };
}
