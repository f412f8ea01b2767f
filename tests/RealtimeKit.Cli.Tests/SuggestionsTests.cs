using RealtimeKit.Cli.Commands;

namespace RealtimeKit.Cli.Tests;

/// <summary>"Did you mean ...?": the nearest names only, within an edit distance that grows with what was typed.</summary>
public class SuggestionsTests
{
    [Theory]
    [InlineData("sesion", "session")] // one letter missing
    [InlineData("sessoin", "session")] // two letters swapped: two edits
    [InlineData("SESION", "session")] // any case
    [InlineData("meetngs", "meetings")]
    [InlineData("x", null)] // four edits from "apps"; a short word allows 2
    public void The_nearest_name_within_the_limit_is_suggested(string typed, string? expected)
    {
        var suggestion = Suggestions.DidYouMean(typed, ["session", "sessions", "meetings", "apps"]);

        Assert.Equal(expected is null ? string.Empty : $" Did you mean '{expected}'?", suggestion);
    }

    [Fact]
    public void Two_edits_are_the_least_limit_and_a_third_of_a_long_word_the_most()
    {
        // "ab" → "abcd": 2 edits, inside the minimum limit of 2; "ab" → "abcde": 3, outside it.
        Assert.Equal(" Did you mean 'abcd'?", Suggestions.DidYouMean("ab", ["abcd"]));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("ab", ["abcde"]));

        // 12 letters allow 4 edits, not 5.
        Assert.Equal(" Did you mean 'createpowxyz'?", Suggestions.DidYouMean("createpoll12", ["createpowxyz"]));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("createpoll12", ["createpvwxyz"]));
    }

    [Fact]
    public void Ties_are_all_named_in_order_up_to_three()
    {
        Assert.Equal(" Did you mean 'bat' or 'cat'?", Suggestions.DidYouMean("at", ["cat", "bat", "attic"]));
        Assert.Equal(" Did you mean 'bat' or 'cat' or 'eat'?", Suggestions.DidYouMean("at", ["fat", "eat", "cat", "bat"]));
    }

    [Fact]
    public void A_farther_name_is_not_named_beside_a_nearer_one()
    {
        Assert.Equal(" Did you mean 'session'?", Suggestions.DidYouMean("sesion", ["sessions", "session"]));
    }

    [Fact]
    public void Nothing_to_choose_from_suggests_nothing()
    {
        Assert.Equal(string.Empty, Suggestions.DidYouMean("session", []));
    }

    [Theory]
    [InlineData("", "ab", 2)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("same", "same", 0)]
    public void Distances_are_edit_counts(string typed, string candidate, int distance)
    {
        // A name is suggested exactly when its distance is within the limit (2 for these short words).
        Assert.Equal(distance <= 2, Suggestions.DidYouMean(typed, [candidate]).Length > 0);
    }
}
