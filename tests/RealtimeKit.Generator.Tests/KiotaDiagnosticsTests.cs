using RealtimeKit.Generator.Checking;
using RealtimeKit.Generator.Kiota;
using RealtimeKit.TestSupport;

namespace RealtimeKit.Generator.Tests;

/// <summary>Kiota's console log, as Kiota 1.38.0 printed it for real specs, turned into diagnostics on YAML lines.</summary>
public class KiotaDiagnosticsTests
{
    // Kiota 1.38.0 on openapi/realtimekit.yaml with Session's "type: object" changed to "type: objekt" (exit code 0).
    private const string BrokenTypeLog = """
        warn: Kiota.Builder.KiotaBuilder[534942631]
              OpenAPI warning: #/components/schemas/AddParticipantBody/properties/picture - The format uri is not supported by Kiota and the string type will be used.
        fail: Kiota.Builder.KiotaBuilder[49154641]
              OpenAPI error: #/paths/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1active-session/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1active-session~1kick/post/requestBody/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1active-session~1kick-all/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1active-session~1mute/post/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1active-session~1mute-all/post/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1active-session~1poll/post/~1accounts~1{account_id}~1realtime~1kit~1{app_id}~1meetings~1{meeting_id}~1participants/post/components/responses/NoActiveSession/schemas/Session/type - Invalid schema type identifier: objekt
        Generation completed successfully
        Client base url set to https://api.cloudflare.com/client/v4
        """;

    // Kiota 1.38.0 on a spec with a YAML indentation error (exit code 0).
    private const string YamlErrorLog = """
        fail: Kiota.Builder.KiotaBuilder[49154641]
              OpenAPI error: (null) - Unable to parse the YAML document at line 29, column 13: (Lin: 28, Col: 12, Chr: 1139) - (Lin: 28, Col: 12, Chr: 1139): Mapping values are not allowed in this context.
        Generation completed successfully
        """;

    [Fact]
    public void Warn_and_fail_entries_are_read_with_their_continuation_lines_and_nothing_else()
    {
        var entries = KiotaLog.Parse(BrokenTypeLog);

        Assert.Collection(
            entries,
            w =>
            {
                Assert.False(w.IsError);
                Assert.StartsWith("OpenAPI warning: #/components/schemas/AddParticipantBody/properties/picture - The format uri", w.Message, StringComparison.Ordinal);
            },
            f =>
            {
                Assert.True(f.IsError);
                Assert.EndsWith("- Invalid schema type identifier: objekt", f.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Info_and_debug_entries_and_plain_lines_are_skipped()
    {
        var entries = KiotaLog.Parse("info: Kiota.Builder[1]\n      Cleaning output\ndbug: X[2]\n      detail\nGeneration completed successfully\n");

        Assert.Empty(entries);
    }

    [Fact]
    public void A_warning_lands_on_the_yaml_line_of_its_pointer()
    {
        var yaml = File.ReadAllText(RepoPaths.Spec);
        var (_, map) = YamlToJson.Convert(yaml, "openapi/realtimekit.yaml");

        var diagnostic = KiotaDiagnostics.Locate(KiotaLog.Parse(BrokenTypeLog)[0], map);

        Assert.True(diagnostic.IsWarning);
        Assert.Equal("KIOTA", diagnostic.Code);
        Assert.Equal(map.Locate("/components/schemas/AddParticipantBody/properties/picture"), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith($"openapi/realtimekit.yaml({diagnostic.Line},9): warning KIOTA: The format uri is not supported", diagnostic.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("(#/components/schemas/AddParticipantBody/properties/picture)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fail_with_microsoft_openapi_s_run_together_pointer_lands_on_the_broken_line()
    {
        var yaml = File.ReadAllText(RepoPaths.Spec);
        var sessionType = yaml.IndexOf("    Session:\n      type: object", StringComparison.Ordinal);
        Assert.True(sessionType > 0);
        var broken = yaml[..sessionType] + "    Session:\n      type: objekt" + yaml[(sessionType + "    Session:\n      type: object".Length)..];
        var (_, map) = YamlToJson.Convert(broken, "openapi/realtimekit.yaml");

        var diagnostic = KiotaDiagnostics.Locate(KiotaLog.Parse(BrokenTypeLog)[1], map);

        Assert.False(diagnostic.IsWarning);
        Assert.Equal(SpecFixtures.LineOf(broken, "type: objekt"), diagnostic.Line);
        Assert.StartsWith($"openapi/realtimekit.yaml({diagnostic.Line},7): error KIOTA: Invalid schema type identifier: objekt", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_error_keeps_the_line_and_column_kiota_names()
    {
        var (_, map) = YamlToJson.Convert("a: 1\n", "spec.yaml");

        var diagnostic = KiotaDiagnostics.Locate(KiotaLog.Parse(YamlErrorLog).Single(), map);

        Assert.StartsWith("spec.yaml(29,13): error KIOTA: Unable to parse the YAML document at line 29, column 13: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_without_a_location_goes_on_the_first_line()
    {
        var (_, map) = YamlToJson.Convert("a: 1\n", "spec.yaml");

        var diagnostic = KiotaDiagnostics.Locate(new KiotaLogEntry(true, "Something else went wrong"), map);

        Assert.Equal("spec.yaml(1,1): error KIOTA: Something else went wrong", diagnostic.ToString());
    }

    [Fact]
    public void A_pointerless_openapi_message_has_no_pointer_appended()
    {
        var (_, map) = YamlToJson.Convert("a: 1\n", "spec.yaml");

        var diagnostic = KiotaDiagnostics.Locate(new KiotaLogEntry(true, "OpenAPI error: (null) - The document has no paths"), map);

        Assert.Equal("spec.yaml(1,1): error KIOTA: The document has no paths", diagnostic.ToString());
    }

    [Theory]
    [InlineData("fail", true)]
    [InlineData("crit", true)]
    [InlineData("warn", false)]
    public void Fail_and_crit_are_errors_and_warn_is_a_warning(string level, bool isError)
    {
        var entry = Assert.Single(KiotaLog.Parse($"{level}: Kiota.Builder.KiotaBuilder[1]\n      Something happened\n"));

        Assert.Equal(new KiotaLogEntry(isError, "Something happened"), entry);
    }

    [Fact]
    public void Text_on_the_header_line_starts_the_message_and_a_bare_category_does_not()
    {
        var entries = KiotaLog.Parse("fail: Generation failed early\n      because of this\nwarn: Kiota.Builder[2]\n      only the body\n");

        Assert.Equal([new KiotaLogEntry(true, "Generation failed early because of this"), new KiotaLogEntry(false, "only the body")], entries);
    }

    [Fact]
    public void A_header_without_any_message_is_no_entry()
    {
        Assert.Empty(KiotaLog.Parse("warn: Kiota.Builder[2]\nfail: Kiota.Builder[3]\nGeneration completed successfully\n"));
    }

    [Fact]
    public void A_plain_line_ends_an_entry_so_later_indented_lines_are_not_joined_to_it()
    {
        var entries = KiotaLog.Parse("warn: Kiota.Builder[1]\n      first\nGeneration completed successfully\n      indented, but after a plain line\n");

        Assert.Equal([new KiotaLogEntry(false, "first")], entries);
    }

    [Fact]
    public void The_last_entry_counts_when_the_log_ends_without_a_newline()
    {
        Assert.Equal([new KiotaLogEntry(true, "last words")], KiotaLog.Parse("fail: Kiota.Builder[1]\n      last words"));
    }
}
