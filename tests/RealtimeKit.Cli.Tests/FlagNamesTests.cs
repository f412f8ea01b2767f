using RealtimeKit.Cli.Commands;

namespace RealtimeKit.Cli.Tests;

/// <summary>The SDK's argument errors, rewritten to name the flag a command-line user types instead of a C# name.</summary>
public class FlagNamesTests
{
    [Theory]
    [InlineData("meetingId", "--meeting")]
    [InlineData("participantIds", "--participant-id")]
    [InlineData("participantId", "--participant-id")]
    [InlineData("customParticipantIds", "--custom-id")]
    [InlineData("customParticipantId", "--custom-id")]
    [InlineData("presetName", "--preset")]
    [InlineData("question", "--question")]
    [InlineData("options", "--option")]
    [InlineData("picture", "--picture")]
    [InlineData("appId", "--app")]
    [InlineData("sessionId", "--session")]
    [InlineData("recordingId", "--recording")]
    [InlineData("webhookId", "--webhook")]
    [InlineData("presetId", "--preset-id")]
    [InlineData("search", "--search")]
    [InlineData("pageNumber", "--page")]
    [InlineData("perPage", "--per-page")]
    [InlineData("name", "--name")]
    [InlineData("url", "--url")]
    [InlineData("events", "--event")]
    [InlineData("MaxRetries", "--max-retries")]
    [InlineData("BaseUrl", "--base-url")]
    [InlineData("AccountId", "--account-id")]
    [InlineData("AppId", "--app-id")]
    [InlineData("ApiToken", "--api-token")]
    public void A_parameter_named_in_the_text_becomes_its_flag_and_the_flag_exists(string parameter, string flag)
    {
        var message = new ArgumentException($"{parameter} must not be empty; {parameter} was ''.", parameter);

        Assert.Equal($"{flag} must not be empty; {flag} was ''.", FlagNames.Rewrite(message));
        Assert.Contains(flag, AllFlags());
    }

    [Theory]
    [InlineData("preset", "--body")]
    [InlineData("changes", "--body")]
    [InlineData("meeting", "--title/--keep-alive")]
    [InlineData("body", "--meeting/--max-seconds")]
    [InlineData("pageNumber", "--page")]
    public void A_text_that_names_no_flag_gets_the_flag_of_its_parameter_in_front(string parameter, string flag)
    {
        Assert.Equal($"{flag}: Value is out of range.", FlagNames.Rewrite(new ArgumentException("Value is out of range.", parameter)));
    }

    [Fact]
    public void A_text_that_already_names_a_flag_or_an_unknown_parameter_is_left_as_it_is()
    {
        Assert.Equal("--page must be 1 or more.", FlagNames.Rewrite(new ArgumentException("--page must be 1 or more.", "perPage")));
        Assert.Equal("Something else.", FlagNames.Rewrite(new ArgumentException("Something else.", "somethingElse")));
        Assert.Equal("Something else.", FlagNames.Rewrite(new ArgumentException("Something else.")));
    }

    [Fact]
    public void Names_inside_longer_words_and_the_parameter_suffix_are_not_flags()
    {
        Assert.Equal("renamed-file and meetingIds stay; --meeting goes.", FlagNames.Rewrite("renamed-file and meetingIds stay; meetingId goes. (Parameter 'meetingId')"));
        Assert.Equal("name-tag stays.", FlagNames.Rewrite("name-tag stays."));
    }

    private static HashSet<string> AllFlags() =>
        CommandTree.All().SelectMany(c => c.Command.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
}
