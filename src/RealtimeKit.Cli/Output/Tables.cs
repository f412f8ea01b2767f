using System.Globalization;
using RealtimeKit.Cli.Commands;
using RealtimeKit.Generated.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RealtimeKit.Cli.Output;

/// <summary>The tables of the resource commands (apps, meetings, presets, sessions, recordings, webhooks).</summary>
internal static class Tables
{
    public static IRenderable Apps(IReadOnlyList<App> apps) =>
        Rows(["App", "Name", "Created"], apps.Select(a => new[] { a.Id?.ToString(), a.Name, Date(a.CreatedAt) }));

    public static IRenderable App(App? a) => Fields(("App", a?.Id?.ToString()), ("Name", a?.Name), ("Created", Date(a?.CreatedAt)));

    public static IRenderable Meetings(IReadOnlyList<Meeting> meetings) =>
        Rows(["Meeting", "Title", "Status", "Created"], meetings.Select(m => new[] { m.Id?.ToString(), m.Title, Wire(m.Status), Date(m.CreatedAt) }));

    public static IRenderable Meeting(Meeting m) => Fields(
        ("Meeting", m.Id?.ToString()), ("Title", m.Title), ("Status", Wire(m.Status)), ("Record on start", Flag(m.RecordOnStart)),
        ("Live stream on start", Flag(m.LiveStreamOnStart)), ("Persist chat", Flag(m.PersistChat)), ("Summarize on end", Flag(m.SummarizeOnEnd)),
        ("Transcribe on end", Flag(m.TranscribeOnEnd)), ("Keep alive (s)", Number(m.SessionKeepAliveTimeInSecs)), ("Created", Date(m.CreatedAt)), ("Updated", Date(m.UpdatedAt)));

    public static IRenderable MeetingParticipants(IReadOnlyList<MeetingParticipant> participants) =>
        Rows(["Participant", "Custom id", "Name", "Preset", "Created"], participants.Select(p => new[] { p.Id?.ToString(), p.CustomParticipantId, p.Name, p.PresetName, Date(p.CreatedAt) }));

    public static IRenderable MeetingParticipant(MeetingParticipant p) => Fields(
        ("Participant", p.Id?.ToString()), ("Custom id", p.CustomParticipantId), ("Name", p.Name), ("Preset", p.PresetName),
        ("Picture", p.Picture), ("Created", Date(p.CreatedAt)), ("Updated", Date(p.UpdatedAt)));

    public static IRenderable Token(ParticipantToken t) => Fields(("Join token", t.Token));

    public static IRenderable Presets(IReadOnlyList<PresetSummary> presets) =>
        Rows(["Preset", "Name", "Created", "Updated"], presets.Select(p => new[] { p.Id?.ToString(), p.Name, Date(p.CreatedAt), Date(p.UpdatedAt) }));

    public static IRenderable Preset(Preset p) => Fields(("Preset", p.Id?.ToString()), ("Name", p.Name), ("Created", Date(p.CreatedAt)), ("Updated", Date(p.UpdatedAt)));

    public static IRenderable Sessions(IReadOnlyList<ActiveSession> sessions) =>
        Rows(["Session", "Meeting", "Title", "Status", "Started", "Ended"], sessions.Select(s => new[] { s.Id, s.AssociatedId, s.MeetingDisplayName, s.Status?.ToString(), s.StartedAt, s.EndedAt }));

    public static IRenderable SessionParticipants(IReadOnlyList<SessionParticipantDetails> participants) =>
        Rows(["Participant", "Custom id", "Name", "Preset", "Joined", "Left", "Duration"], participants.Select(p => new[] { p.Id, p.CustomParticipantId, p.DisplayName, p.PresetName, p.JoinedAt, p.LeftAt, Number(p.Duration) }));

    public static IRenderable Download(string what, string? url, string? expiry) => Fields((what, url), ("Expires", expiry));

    public static IRenderable Recordings(IReadOnlyList<Recording> recordings) =>
        Rows(["Recording", "Status", "Meeting", "Started", "Stopped", "Duration (s)"], recordings.Select(r => new[] { r.Id?.ToString(), Wire(r.Status), r.Meeting?.Id?.ToString(), Date(r.StartedTime), Date(r.StoppedTime), r.RecordingDuration?.ToString(CultureInfo.InvariantCulture) }));

    public static IRenderable Recording(Recording r) => Fields(
        ("Recording", r.Id?.ToString()), ("Status", Wire(r.Status)), ("Meeting", r.Meeting?.Id?.ToString()), ("Session", r.SessionId?.ToString()),
        ("File", r.OutputFileName), ("Invoked", Date(r.InvokedTime)), ("Started", Date(r.StartedTime)), ("Stopped", Date(r.StoppedTime)),
        ("Duration (s)", r.RecordingDuration?.ToString(CultureInfo.InvariantCulture)), ("Download", r.DownloadUrl), ("Download expires", Date(r.DownloadUrlExpiry)));

    public static IRenderable Webhooks(IReadOnlyList<Webhook> webhooks) =>
        Rows(["Webhook", "Name", "URL", "Enabled", "Events"], webhooks.Select(w => new[] { w.Id?.ToString(), w.Name, w.Url, Flag(w.Enabled), Events(w.Events) }));

    public static IRenderable Webhook(Webhook w) => Fields(
        ("Webhook", w.Id?.ToString()), ("Name", w.Name), ("URL", w.Url), ("Enabled", Flag(w.Enabled)), ("Events", Events(w.Events)),
        ("Created", Date(w.CreatedAt)), ("Updated", Date(w.UpdatedAt)));

    private static string? Events(List<WebhookEvent?>? events) =>
        events is null ? null : string.Join(", ", events.Where(e => e.HasValue).Select(e => CliParsers.WireName(e!.Value)));

    private static Table Rows(string[] columns, IEnumerable<string?[]> rows)
    {
        var table = new Table();
        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            table.AddColumn(new TableColumn(column) { NoWrap = i == 0 }); // ids stay whole
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => new Text(c ?? string.Empty)).ToArray());
        }

        return table;
    }

    private static Table Fields(params (string Name, string? Value)[] fields)
    {
        var table = new Table().AddColumns("Field", "Value").HideHeaders();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            table.AddRow(new Text(name), new Text(value!));
        }

        return table;
    }

    private static string? Wire<T>(T? value)
        where T : struct, Enum => value is { } v ? CliParsers.WireName(v) : null;

    // UTC to the second: short enough for a table row; --json keeps the full value.
    private static string? Date(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Flag(bool? value) => value is { } v ? (v ? "yes" : "no") : null;

    private static string? Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
}
