using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using RealtimeKit.Http;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// Every scalar getter of the SDK's parse node answers exactly as Kiota's <see cref="JsonParseNode"/> does, for a value
/// of every JSON kind: the same value, or the same exception type. The fast paths read only well-formed values of the
/// right kind; everything else must be Kiota's answer, not a new one.
/// </summary>
public sealed class ParseNodeValueTests
{
    private static readonly string[] Values =
    [
        "\"text\"", "\"5\"", "\"\"", "5", "-7", "3000000000", "1e40", "5.5", "0.1", "true", "false", "null", "{}", "[]", "[1]",
        "\"2026-01-02T03:04:05Z\"", "\"2026-01-02\"", "\"03:04:05\"", "\"not a date\"", "\"8f4b2c1e-5d3a-4e6f-9a7b-1c2d3e4f5a6b\"", "\"P1D\"", "255", "256", "-129",
    ];

    private static readonly (string Name, Func<IParseNode, object?> Get)[] Getters =
    [
        ("string", n => n.GetStringValue()), ("bool", n => n.GetBoolValue()), ("int", n => n.GetIntValue()), ("long", n => n.GetLongValue()),
        ("double", n => n.GetDoubleValue()), ("float", n => n.GetFloatValue()), ("decimal", n => n.GetDecimalValue()), ("guid", n => n.GetGuidValue()),
        ("dateTimeOffset", n => n.GetDateTimeOffsetValue()), ("byte", n => n.GetByteValue()), ("sbyte", n => n.GetSbyteValue()),
        ("timeSpan", n => n.GetTimeSpanValue()), ("date", n => n.GetDateValue()), ("time", n => n.GetTimeValue()),
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var value in Values)
        {
            foreach (var (name, _) in Getters)
            {
                cases.Add(value, name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_getter_answers_as_kiota_does_for_each_kind_of_value(string json, string getter)
    {
        using var document = JsonDocument.Parse(json);
        var get = Getters.Single(g => g.Name == getter).Get;

        var expected = Outcome(() => get(new JsonParseNode(document.RootElement)));
        var actual = Outcome(() => get(new SdkJsonParseNode(document.RootElement)));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Null_factories_and_names_are_refused_as_kiota_refuses_them()
    {
        using var document = JsonDocument.Parse("""{"a":1}""");
        var node = new SdkJsonParseNode(document.RootElement);

        Assert.Throws<ArgumentNullException>(() => node.GetObjectValue<UntypedNode>(null!));
        Assert.Throws<ArgumentNullException>(() => node.GetChildNode(null!));
    }

    [Fact]
    public void A_child_node_carries_the_hooks_of_its_parent()
    {
        using var document = JsonDocument.Parse("""{"a":{"b":1}}""");
        var seen = new List<string>();
        var node = new SdkJsonParseNode(document.RootElement) { OnBeforeAssignFieldValues = _ => seen.Add("before"), OnAfterAssignFieldValues = _ => seen.Add("after") };

        var child = node.GetChildNode("a")!;

        Assert.NotNull(child.OnBeforeAssignFieldValues);
        Assert.NotNull(child.OnAfterAssignFieldValues);
        child.OnBeforeAssignFieldValues!(new UntypedNull());
        child.OnAfterAssignFieldValues!(new UntypedNull());
        Assert.Equal(["before", "after"], seen);
        Assert.Null(node.GetChildNode("missing"));
    }

    // The value, or the exception's type: both nodes must agree on which.
    private static string Outcome(Func<object?> get)
    {
        try
        {
            return get() is { } value ? $"{value.GetType().Name}:{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}" : "null";
        }
        catch (Exception e)
        {
            return "throws " + e.GetType().Name;
        }
    }
}
