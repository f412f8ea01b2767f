using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// How the emulator reads a request body: the value a caller sent is taken as sent, and a wrong one is a 400 that
/// names the field, says what was expected and shows what was got (cut short when long).
/// </summary>
public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("", "A JSON object body is required.")]
    [InlineData("  \n", "A JSON object body is required.")]
    [InlineData("[1]", "The body must be a JSON object, got array.")]
    [InlineData("\"text\"", "The body must be a JSON object, got string.")]
    [InlineData("{\"a\":", "The body is not valid JSON: ")]
    public void A_body_that_is_not_a_JSON_object_is_refused_saying_why(string text, string message)
    {
        var problem = Assert.Throws<EmulatorProblem>(() => JsonBody.Parse(text));

        Assert.Equal(400, problem.Status);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_are_read_as_sent()
    {
        var body = JsonBody.Parse("""
            {"s":" padded ","n":null,"t":true,"f":false,"d":1.5,"i":-7,"o":{"k":1},"a":["x","y"]}
            """);

        Assert.Equal(" padded ", body.RequiredString("s"));
        Assert.Equal(" padded ", body.OptionalNullableString("s"));
        Assert.Null(body.OptionalNullableString("n"));
        Assert.Null(body.OptionalNullableString("missing"));
        Assert.True(body.RequiredBool("t"));
        Assert.False(body.RequiredBool("f"));
        Assert.True(body.OptionalBool("t"));
        Assert.False(body.OptionalBool("f"));
        Assert.Null(body.OptionalBool("missing"));
        Assert.True(body.OptionalNullableBool("t"));
        Assert.False(body.OptionalNullableBool("f"));
        Assert.Null(body.OptionalNullableBool("n"));
        Assert.Null(body.OptionalNullableBool("missing"));
        Assert.Equal(1.5, body.OptionalNumber("d"));
        Assert.Null(body.OptionalNumber("n"));
        Assert.Null(body.OptionalNumber("missing"));
        Assert.Equal(-7, body.RequiredInt("i"));
        Assert.Equal(1, body.OptionalObject("o")!.Value.GetProperty("k").GetInt32());
        Assert.Null(body.OptionalObject("n"));
        Assert.Null(body.OptionalObject("missing"));
        Assert.Equal(["x", "y"], body.RequiredStringArray("a"));
        Assert.True(body.Has("n"));
        Assert.False(body.Has("missing"));
    }

    [Theory]
    [InlineData("""{}""", "RequiredString", "v is required and must be a non-empty string.")]
    [InlineData("""{"v":"  "}""", "RequiredString", "v is required and must be a non-empty string, got \"  \".")]
    [InlineData("""{"v":5}""", "RequiredString", "v is required and must be a non-empty string, got 5.")]
    [InlineData("""{"v":5}""", "OptionalNullableString", "v must be a string or null, got 5.")]
    [InlineData("""{}""", "RequiredBool", "v is required and must be a boolean.")]
    [InlineData("""{"v":"true"}""", "RequiredBool", "v is required and must be a boolean, got \"true\".")]
    [InlineData("""{"v":null}""", "OptionalBool", "v must be a boolean, got null.")]
    [InlineData("""{"v":0}""", "OptionalNullableBool", "v must be a boolean or null, got 0.")]
    [InlineData("""{"v":"1"}""", "OptionalNumber", "v must be a number, got \"1\".")]
    [InlineData("""{"v":[]}""", "OptionalObject", "v must be an object, got [].")]
    [InlineData("""{}""", "RequiredInt", "v is required and must be an integer.")]
    [InlineData("""{"v":1.5}""", "RequiredInt", "v is required and must be an integer, got 1.5.")]
    [InlineData("""{"v":2147483648}""", "RequiredInt", "v is required and must be an integer, got 2147483648.")]
    [InlineData("""{}""", "RequiredStringArray", "v is required and must be an array of strings.")]
    [InlineData("""{"v":"a"}""", "RequiredStringArray", "v is required and must be an array of strings, got \"a\".")]
    [InlineData("""{"v":["a",""]}""", "RequiredStringArray", "v[1] must be a non-empty string, got \"\".")]
    [InlineData("""{"v":["a","b",null]}""", "RequiredStringArray", "v[2] must be a non-empty string, got null.")]
    public void A_wrong_value_is_refused_naming_the_field_what_was_expected_and_what_was_got(string json, string read, string message)
    {
        var body = JsonBody.Parse(json);

        var problem = Assert.Throws<EmulatorProblem>(() => Read(body, read));

        Assert.Equal(400, problem.Status);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void What_was_got_is_shown_whole_up_to_60_characters_and_cut_to_57_and_an_ellipsis_beyond()
    {
        var sixty = "\"" + new string('a', 58) + "\"";
        var sixtyOne = "\"" + new string('b', 59) + "\"";
        var body = JsonBody.Parse($$"""{"short":{{sixty}},"long":{{sixtyOne}}}""");

        var whole = Assert.Throws<EmulatorProblem>(() => body.RequiredInt("short"));
        var cut = Assert.Throws<EmulatorProblem>(() => body.RequiredInt("long"));

        Assert.Equal($"short is required and must be an integer, got {sixty}.", whole.Message);
        Assert.Equal($"long is required and must be an integer, got {sixtyOne[..57]}....", cut.Message);
    }

    private static object? Read(JsonBody body, string read) => read switch
    {
        "RequiredString" => body.RequiredString("v"),
        "OptionalNullableString" => body.OptionalNullableString("v"),
        "RequiredBool" => body.RequiredBool("v"),
        "OptionalBool" => body.OptionalBool("v"),
        "OptionalNullableBool" => body.OptionalNullableBool("v"),
        "OptionalNumber" => body.OptionalNumber("v"),
        "OptionalObject" => body.OptionalObject("v"),
        "RequiredInt" => body.RequiredInt("v"),
        "RequiredStringArray" => body.RequiredStringArray("v"),
        _ => throw new ArgumentOutOfRangeException(nameof(read), read, "Not a JsonBody reader."),
    };
}
