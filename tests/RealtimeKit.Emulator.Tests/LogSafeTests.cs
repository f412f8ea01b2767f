using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.Tests;

/// <summary>
/// Error messages echo what a request sent; written to a log they must not forge lines or carry broken text. Control
/// characters and Unicode line separators are escaped, unpaired surrogates replaced, and the whole is cut at 1024.
/// </summary>
public sealed class LogSafeTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain id-42", "plain id-42")]
    [InlineData("a\tb\u0000c\u007F", @"a\u0009b\u0000c\u007F")]
    [InlineData("line\u2028para\u2029end", @"line\u2028para\u2029end")]
    public void Control_characters_and_line_separators_are_escaped(string? text, string safe)
    {
        Assert.Equal(safe, LogSafe.Text(text));
    }

    [Fact]
    public void A_surrogate_pair_is_kept_and_a_lone_surrogate_replaced()
    {
        // Built in code: a test case's data would not carry a lone surrogate through intact.
        const char high = '\uD83D', low = '\uDE00';

        Assert.Equal($"emoji {high}{low} kept", LogSafe.Text($"emoji {high}{low} kept"));
        Assert.Equal("lone \uFFFD high", LogSafe.Text($"lone {high} high"));
        Assert.Equal("lone \uFFFD low", LogSafe.Text($"lone {low} low"));
        Assert.Equal("ends high \uFFFD", LogSafe.Text($"ends high {high}"));
        Assert.Equal("\uFFFD\uFFFD", LogSafe.Text($"{low}{high}"));
    }

    [Fact]
    public void Text_up_to_1024_characters_is_kept_whole_and_longer_text_is_cut_saying_how_long_it_was()
    {
        var whole = new string('a', LogSafe.MaxLength);
        var longer = new string('b', LogSafe.MaxLength + 1);

        Assert.Equal(whole, LogSafe.Text(whole));
        Assert.Equal(new string('b', LogSafe.MaxLength) + "... (1025 chars)", LogSafe.Text(longer));
        Assert.Equal(1024, LogSafe.MaxLength);
    }

    [Fact]
    public void An_escaped_character_counts_by_what_is_written()
    {
        var text = new string('c', 1020) + "\n\n";

        Assert.Equal(new string('c', 1020) + @"\u000A... (1022 chars)", LogSafe.Text(text));
    }

    [Fact]
    public void A_value_echoed_in_a_refusal_is_kept_whole_up_to_80_characters_and_cut_to_77_and_an_ellipsis_beyond()
    {
        var whole = new string('v', 80);
        var longer = new string('w', 81);

        Assert.Equal(whole, RestApi.Safe(whole));
        Assert.Equal(new string('w', 77) + "...", RestApi.Safe(longer));
        Assert.Equal(@"a\u000db\u000ac", RestApi.Safe("a\rb\nc"));
    }
}
