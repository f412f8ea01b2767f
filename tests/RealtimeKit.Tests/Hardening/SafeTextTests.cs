namespace RealtimeKit.Tests.Hardening;

/// <summary>Text from outside becomes bounded, log-safe message text.</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("plain", 10, "plain")]
    [InlineData("a\r\nb", 100, @"a\u000D\u000Ab")]
    [InlineData("a\u2028b\u0085c", 100, @"a\u2028b\u0085c")]
    [InlineData("😀😀", 100, "😀😀")]
    public void Control_characters_are_escaped_and_unpaired_surrogates_replaced(string input, int max, string expected)
    {
        Assert.Equal(expected, SafeText.Clean(input, max));
    }

    [Fact]
    public void An_unpaired_surrogate_is_replaced()
    {
        // Built here: attribute arguments cannot carry an unpaired surrogate intact.
        Assert.Equal("x\uFFFDy", SafeText.Clean("x" + (char)0xD800 + "y", 100));
    }

    [Fact]
    public void Long_text_is_cut_to_the_maximum_with_a_note_and_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 5000));

        var cleaned = SafeText.Clean(text, 100);

        Assert.InRange(cleaned.Length, 1, 100);
        Assert.EndsWith("… (10000 chars)", cleaned, StringComparison.Ordinal);
        Assert.Null(Guard.UnpairedSurrogate(cleaned));
    }

    [Fact]
    public void A_huge_service_message_makes_a_bounded_exception()
    {
        var error = new RealtimeKitException(500, new string('m', 50_000_000) + "\n", errors: [new RealtimeKitServiceError(1, new string('e', 10_000))]);

        Assert.InRange(error.Message.Length, 1, RealtimeKitClientException.MaxMessageLength);
        Assert.InRange(error.ServiceMessage.Length, 1, RealtimeKitException.MaxServiceMessageLength);
        Assert.InRange(error.Errors[0].Message.Length, 1, RealtimeKitException.MaxServiceMessageLength);
    }
}
