using System.Text.Json;
using RealtimeKit.Emulator.Api;

namespace RealtimeKit.Emulator.State;

// Presets: each app starts with DefaultPresets, and a participant's preset_name must name one of its app's presets.
internal sealed partial class EmulatorState
{
    private readonly Dictionary<(string AccountId, string AppId), List<PresetRecord>> _presets = [];

    public Paged ListPresets(string accountId, string appId, string? search, int page, int perPage)
    {
        lock (_lock)
        {
            var all = PresetsOf(accountId, appId)
                .Where(p => search is null || p.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
                .Select(p => new PresetSummaryBody(p.Id.ToString(), p.Name, Stamp(p.CreatedAt), Stamp(p.UpdatedAt)))
                .ToList();
            return Page(all, page, perPage);
        }
    }

    public PresetBody CreatePreset(string accountId, string appId, string name, JsonElement config, JsonElement permissions, JsonElement ui)
    {
        lock (_lock)
        {
            var presets = PresetsOf(accountId, appId);
            RequireFreeName(presets, name, null);
            var preset = new PresetRecord(Guid.NewGuid(), name, time.GetUtcNow()) { Config = config, Permissions = permissions, Ui = ui };
            presets.Add(preset);
            return Describe(preset);
        }
    }

    public PresetBody GetPreset(string accountId, string appId, Guid presetId)
    {
        lock (_lock)
        {
            return Describe(FindPreset(accountId, appId, presetId));
        }
    }

    /// <summary>Changes the parts given (null keeps a part); a replace gives them all.</summary>
    public PresetBody ChangePreset(string accountId, string appId, Guid presetId, string? name, JsonElement? config, JsonElement? permissions, JsonElement? ui)
    {
        lock (_lock)
        {
            var preset = FindPreset(accountId, appId, presetId);
            if (name is not null)
            {
                RequireFreeName(PresetsOf(accountId, appId), name, preset);
            }

            preset.Name = name ?? preset.Name;
            preset.Config = config ?? preset.Config;
            preset.Permissions = permissions ?? preset.Permissions;
            preset.Ui = ui ?? preset.Ui;
            preset.UpdatedAt = time.GetUtcNow();
            return Describe(preset);
        }
    }

    public PresetBody DeletePreset(string accountId, string appId, Guid presetId)
    {
        lock (_lock)
        {
            var preset = FindPreset(accountId, appId, presetId);
            PresetsOf(accountId, appId).Remove(preset);
            return Describe(preset);
        }
    }

    // Under the lock: refuses a preset name the meeting's app does not have, as RealtimeKit does.
    private void RequirePreset(Meeting meeting, string presetName)
    {
        if (!PresetsOf(meeting.AccountId, meeting.AppId).Exists(p => p.Name == presetName))
        {
            throw EmulatorProblem.BadRequest($"No preset found with name {RestApi.Safe(presetName)} in app {RestApi.Safe(meeting.AppId)}; create it first or use one of the app's presets (GET presets).");
        }
    }

    // Under the lock: the id of the app's preset of that name; a stable id derived from the name once the preset is gone.
    private Guid PresetIdOf(Meeting meeting, string presetName) =>
        PresetsOf(meeting.AccountId, meeting.AppId).Find(p => p.Name == presetName)?.Id ?? PresetId(presetName);

    // Under the lock: an app's presets, seeded with the defaults the first time the app is seen.
    private List<PresetRecord> PresetsOf(string accountId, string appId)
    {
        if (!_presets.TryGetValue((accountId, appId), out var presets))
        {
            var now = time.GetUtcNow();
            presets = DefaultPresets.Names.Select(name =>
            {
                var (config, permissions, ui) = DefaultPresets.For(name);
                return new PresetRecord(Guid.NewGuid(), name, now) { Config = config, Permissions = permissions, Ui = ui };
            }).ToList();
            _presets.Add((accountId, appId), presets);
        }

        return presets;
    }

    private PresetRecord FindPreset(string accountId, string appId, Guid presetId) =>
        PresetsOf(accountId, appId).Find(p => p.Id == presetId) ?? throw EmulatorProblem.NotFound($"No preset found with id {presetId}");

    private static void RequireFreeName(List<PresetRecord> presets, string name, PresetRecord? self)
    {
        if (presets.Find(p => p.Name == name && p != self) is { } holder)
        {
            throw new EmulatorProblem(409, $"A preset named {RestApi.Safe(name)} already exists (id {holder.Id}).");
        }
    }

    private static PresetBody Describe(PresetRecord p) => new(p.Id.ToString(), p.Name, Stamp(p.CreatedAt), Stamp(p.UpdatedAt), p.Config, p.Permissions, p.Ui);
}
