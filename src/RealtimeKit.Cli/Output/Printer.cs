using Microsoft.Kiota.Abstractions.Serialization;
using RealtimeKit.Generated.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RealtimeKit.Cli.Output;

/// <summary>Writes results as readable tables (default) or as the model's JSON (<c>--json</c>), and errors to stderr.</summary>
internal sealed class Printer
{
    private readonly IAnsiConsole _out;
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    public Printer(TextWriter stdout, TextWriter stderr, bool json)
    {
        _stdout = stdout;
        _stderr = stderr;
        Json = json;
        var terminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        _out = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            _out.Profile.Width = 160; // ids and tokens stay on one line in logs and tests
        }
    }

    public bool Json { get; }

    /// <summary>A heading for a step (demo) or a result.</summary>
    public void Heading(string text) => _out.Write(new Rule(Markup.Escape(text)) { Justification = Justify.Left });

    public void Line(string text) => _out.WriteLine(text);

    /// <summary>Prints a raw JSON response (<c>rtk api</c>): indented, or on one line with <c>--json</c>.</summary>
    public async Task RawJsonAsync(System.Text.Json.Nodes.JsonNode? response)
    {
        var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = !Json };
        await _stdout.WriteLineAsync(response?.ToJsonString(options) ?? "null");
    }

    /// <summary>Prints a returned model: its JSON with <c>--json</c>, else the table <paramref name="render"/> makes.</summary>
    public async Task ResultAsync(IParsable model, Func<IRenderable> render)
    {
        if (Json)
        {
            await _stdout.WriteLineAsync(await KiotaJsonSerializer.SerializeAsStringAsync(model, serializeOnlyChangedValues: false));
            return;
        }

        _out.Write(render());
    }

    /// <summary>Prints a list: the items' JSON array with <c>--json</c>, else the table and a line under it.</summary>
    public async Task ListAsync<T>(IReadOnlyList<T> items, string footer, Func<IRenderable> render)
        where T : IParsable
    {
        if (Json)
        {
            await _stdout.WriteLineAsync(await KiotaJsonSerializer.SerializeAsStringAsync<T>(items, serializeOnlyChangedValues: false));
            return;
        }

        _out.Write(render());
        _out.WriteLine(footer);
    }

    /// <summary>Prints plain values (e.g. enum names): a JSON array of strings with <c>--json</c>, else one per line.</summary>
    public async Task ValuesAsync(IReadOnlyList<string> values)
    {
        if (Json)
        {
            await _stdout.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(values));
            return;
        }

        foreach (var value in values)
        {
            await _stdout.WriteLineAsync(value);
        }
    }

    public void Error(string text) => _stderr.WriteLine(text);

    public static IRenderable Session(ActiveSession s) => Fields(
        ("Session", s.Id), ("Meeting", s.AssociatedId), ("Title", s.MeetingDisplayName), ("Status", s.Status?.ToString()),
        ("Type", s.Type?.ToString()), ("Live participants", Number(s.LiveParticipants)), ("Peak participants", Number(s.MaxConcurrentParticipants)),
        ("Minutes consumed", Number(s.MinutesConsumed)), ("Started", s.StartedAt), ("Ended", s.EndedAt));

    public static IRenderable Participants(SessionParticipantsResult result)
    {
        var table = new Table().AddColumns("Participant", "Name", "Joined");
        foreach (var p in result.Participants ?? [])
        {
            table.AddRow(Cell(p.Id), Cell(p.Name), Cell(p.CreatedAt));
        }

        return new Rows(new Text($"{result.Action}: {result.Participants?.Count ?? 0} participant(s)"), table);
    }

    public static IRenderable KickedAll(KickAllResult r) => new Text($"{r.Action}: {Number(r.KickedParticipantsCount)} participant(s) kicked\n");

    public static IRenderable MutedAll(MuteAllResult r) => new Text($"{r.Action}: {Number(r.MutedParticipantsCount)} participant(s) muted\n");

    public static IRenderable Poll(CreatePollResult r)
    {
        var poll = r.Poll;
        var table = new Table().AddColumns("#", "Option", "Votes");
        var i = 0;
        foreach (var option in poll?.Options ?? [])
        {
            table.AddRow(Cell((i++).ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(option.Text), Cell(Number(option.Count)));
        }

        return new Rows(new Text($"{r.Action}: poll {poll?.Id}: {poll?.Question}"), table);
    }

    public static IRenderable Participant(Participant p) => Fields(
        ("Participant", p.Id?.ToString()), ("Custom id", p.CustomParticipantId), ("Preset", p.PresetName), ("Name", p.Name),
        ("Picture", p.Picture), ("Created", p.CreatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("Join token", p.Token));

    public static IRenderable Deleted(DeletedParticipant p) => Fields(
        ("Deleted", p.CustomParticipantId), ("Preset id", p.PresetId?.ToString()), ("Created", p.CreatedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));

    private static Table Fields(params (string Name, string? Value)[] fields)
    {
        var table = new Table().AddColumns("Field", "Value").HideHeaders();
        foreach (var (name, value) in fields.Where(f => f.Value is not null))
        {
            table.AddRow(Cell(name), Cell(value));
        }

        return table;
    }

    private static Text Cell(string? text) => new(text ?? string.Empty);

    private static string Number(double? value) => value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
