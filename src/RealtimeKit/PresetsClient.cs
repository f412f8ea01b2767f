using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item;
using RealtimeKit.Generated.Accounts.Item.Realtime.Kit.Item.Presets;
using RealtimeKit.Generated.Models;
using RealtimeKit.Http;

namespace RealtimeKit;

/// <summary>
/// Presets of the app (what a participant can see and do in a meeting): list, create, fetch, update, replace and
/// delete them. Reached through <see cref="RealtimeKitClient.Presets"/>.
/// </summary>
/// <remarks>
/// Create, update and replace take the generated body models. A preset is three nested trees of some sixty
/// settings (<see cref="PresetConfig"/>, <see cref="PresetPermissions"/>, <see cref="PresetUi"/>) that no parameter
/// list could carry; the models are built with object initialisers, and they are the very types a fetched
/// <see cref="Preset"/> holds, so a preset's parts can be read, changed and sent back as they are.
/// </remarks>
public class PresetsClient
{
    private readonly AppPaths _app = null!;

    /// <summary>For mocking frameworks and test doubles; every member is virtual.</summary>
    protected PresetsClient()
    {
    }

    internal PresetsClient(AppPaths app) => _app = app;

    /// <summary>Fetches one page of the app's presets (names and ids, without their settings).</summary>
    /// <param name="search">Matches presets by name; null for no search.</param>
    /// <param name="pageNumber">The 1-based page to fetch.</param>
    /// <param name="perPage">How many presets a page holds.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page: its presets and the total count the service reports.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="search"/>, or a page number or size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request.</exception>
    public virtual async Task<RealtimeKitPage<PresetSummary>> ListAsync(string? search = null, int pageNumber = 1, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        CheckSearch(search);
        Paging.Check(pageNumber, perPage);
        var response = await _app.Presets.GetAsync(
            RetrySafety.Configure<PresetsRequestBuilder.PresetsRequestBuilderGetQueryParameters>(RetrySafety.IdempotentRequest, q =>
            {
                q.PageNo = pageNumber;
                q.PerPage = perPage;
                q.Search = search;
            }),
            cancellationToken).ConfigureAwait(false);
        return new RealtimeKitPage<PresetSummary>(Envelope.Data(response?.Data, 200, "list presets"), pageNumber, perPage, response?.Paging?.TotalCount);
    }

    /// <summary>
    /// Every preset of the app that matches, fetching page after page only as you enumerate. The arguments are
    /// checked now, before anything is sent.
    /// </summary>
    /// <param name="search">Matches presets by name; null for no search.</param>
    /// <param name="perPage">How many presets each request fetches.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The presets, in the service's order.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="search"/>, or a page size below 1.</exception>
    /// <exception cref="RealtimeKitException">The service failed a page request (thrown while enumerating).</exception>
    public virtual IAsyncEnumerable<PresetSummary> ListAllAsync(string? search = null, int perPage = Paging.DefaultPerPage, CancellationToken cancellationToken = default)
    {
        CheckSearch(search);
        Paging.Check(1, perPage);
        return Paging.All(perPage, (page, ct) => ListAsync(search, page, perPage, ct), cancellationToken);
    }

    /// <summary>
    /// Creates a preset. Not idempotent: it is retried only when the service provably did not process it
    /// (connection never made, 429, or 503 with Retry-After), so a preset is never created twice.
    /// </summary>
    /// <param name="preset">The whole preset: a name, its configuration, permissions and user interface.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created preset, with its id.</returns>
    /// <exception cref="ArgumentException">No <paramref name="preset"/>, a blank name, or a missing configuration, permissions or user interface.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 400 for a refused preset.</exception>
    public virtual async Task<Preset> CreateAsync(CreatePresetBody preset, CancellationToken cancellationToken = default)
    {
        CheckWhole(preset);
        var response = await _app.Presets.PostAsync(preset, RetrySafety.Configure(RetrySafety.NonIdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 201, "create a preset");
    }

    /// <summary>Fetches a preset of the app with all its settings.</summary>
    /// <param name="presetId">The preset (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="presetId"/>, or one that is not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown preset.</exception>
    public virtual async Task<Preset> GetAsync(RealtimeKitId presetId, CancellationToken cancellationToken = default)
    {
        var preset = Guard.Uuid(presetId, nameof(presetId));
        var response = await _app.Preset(preset).GetAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "get a preset");
    }

    /// <summary>
    /// Changes the parts of a preset you set on <paramref name="changes"/> (name, configuration, permissions, user
    /// interface); the others keep their values. A part that is set is sent whole. Idempotent, so it is retried
    /// like a read.
    /// </summary>
    /// <param name="presetId">The preset (a UUID).</param>
    /// <param name="changes">The parts to change, e.g. <c>new() { Name = "webinar_host" }</c>; at least one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preset after the update.</returns>
    /// <exception cref="ArgumentException">A blank or non-UUID <paramref name="presetId"/>, no changes, nothing set on them, or a blank name.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown preset.</exception>
    public virtual async Task<Preset> UpdateAsync(RealtimeKitId presetId, UpdatePresetBody changes, CancellationToken cancellationToken = default)
    {
        var preset = Guard.Uuid(presetId, nameof(presetId));
        ArgumentNullException.ThrowIfNull(changes);
        if (changes is { Name: null, Config: null, Permissions: null, Ui: null } && changes.AdditionalData.Count == 0)
        {
            throw new ArgumentException("Expected at least one part to change in changes (Name, Config, Permissions or Ui); every part is null.", nameof(changes));
        }

        if (changes.Name is not null && string.IsNullOrWhiteSpace(changes.Name))
        {
            throw new ArgumentException($"Expected a non-empty value for changes.Name, got '{changes.Name}'.", nameof(changes));
        }

        var response = await _app.Preset(preset).PatchAsync(changes, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "update a preset");
    }

    /// <summary>Replaces a whole preset (name, configuration, permissions and user interface).</summary>
    /// <param name="presetId">The preset (a UUID).</param>
    /// <param name="preset">The whole new preset.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preset after the replacement.</returns>
    /// <exception cref="ArgumentException">A blank or non-UUID <paramref name="presetId"/>, no <paramref name="preset"/>, a blank name, or a missing configuration, permissions or user interface.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown preset.</exception>
    public virtual async Task<Preset> ReplaceAsync(RealtimeKitId presetId, CreatePresetBody preset, CancellationToken cancellationToken = default)
    {
        var id = Guard.Uuid(presetId, nameof(presetId));
        CheckWhole(preset);
        var response = await _app.Preset(id).PutAsync(preset, RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "replace a preset");
    }

    /// <summary>Deletes a preset of the app.</summary>
    /// <param name="presetId">The preset (a UUID).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preset as it was before it was deleted.</returns>
    /// <exception cref="ArgumentException">A blank <paramref name="presetId"/>, or one that is not a UUID.</exception>
    /// <exception cref="RealtimeKitException">The service failed the request, e.g. 404 for an unknown preset.</exception>
    public virtual async Task<Preset> DeleteAsync(RealtimeKitId presetId, CancellationToken cancellationToken = default)
    {
        var preset = Guard.Uuid(presetId, nameof(presetId));
        var response = await _app.Preset(preset).DeleteAsync(RetrySafety.Configure(RetrySafety.IdempotentRequest), cancellationToken).ConfigureAwait(false);
        return Envelope.Data(response?.Data, 200, "delete a preset");
    }

    private static void CheckWhole(CreatePresetBody preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        if (string.IsNullOrWhiteSpace(preset.Name))
        {
            throw new ArgumentException($"Expected a non-empty value for preset.Name, got '{preset.Name}'.", nameof(preset));
        }

        var missing = new List<string>();
        if (preset.Config is null)
        {
            missing.Add("Config");
        }

        if (preset.Permissions is null)
        {
            missing.Add("Permissions");
        }

        if (preset.Ui is null)
        {
            missing.Add("Ui");
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException($"Expected preset.Config, preset.Permissions and preset.Ui, which every preset needs; missing: {string.Join(", ", missing)}.", nameof(preset));
        }
    }

    private static void CheckSearch(string? search)
    {
        if (search is not null && string.IsNullOrWhiteSpace(search))
        {
            throw new ArgumentException($"Expected search text or null for search, got '{search}'.", nameof(search));
        }
    }
}
