using System.CommandLine;
using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Cli.Commands;

/// <summary>
/// <c>rtk presets list|get|delete|create|update</c>: the app's presets. A preset is some sixty nested settings, so
/// create and update take the body as JSON (<c>--body</c>, or <c>@file</c>), read into the facade's model.
/// </summary>
internal static class PresetCommands
{
    public static Command Create(ApiCommands.Runner run)
    {
        var search = new Option<string?>("--search") { Description = "Only presets whose name matches this text" };
        var paging = new CommandKit.PagingOptions();
        var list = CommandKit.Command("list", "List the app's presets (names and ids)", ["rtk presets list", "rtk presets list --search host --all --json"], [search, .. paging.Options]);
        list.SetAction((parse, ct) => run(parse, (client, printer, token) => CommandKit.ListAsync(
            parse, paging, printer, "preset",
            (page, perPage, t) => client.Presets.ListAsync(parse.GetValue(search), page, perPage, t),
            (perPage, t) => client.Presets.ListAllAsync(parse.GetValue(search), perPage, t),
            Tables.Presets, token), ct));

        var preset = new Option<string>("--preset-id") { Description = "Preset id (a UUID, as list shows it)", Required = true };
        var get = CommandKit.Command("get", "Show a preset; --json prints all its settings", ["rtk presets get --preset-id <preset>", "rtk presets get --preset-id <preset> --json > preset.json"], preset);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Presets.GetAsync(parse.GetValue(preset), token);
            await printer.ResultAsync(result, () => Tables.Preset(result));
        }, ct));

        var delete = CommandKit.Command("delete", "Delete a preset", ["rtk presets delete --preset-id <preset>"], preset);
        delete.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Presets.DeleteAsync(parse.GetValue(preset), token);
            await printer.ResultAsync(result, () => Tables.Preset(result));
        }, ct));

        var createBody = CommandKit.Body("whole preset: name, config, permissions and ui", required: true);
        var create = CommandKit.Command(
            "create",
            "Create a preset from its JSON (name, config, permissions, ui); see the createPreset example in 'rtk api'",
            ["rtk presets create --body @preset.json", "rtk presets get --preset-id <preset> --json > p.json && rtk presets create --body @p.json"],
            createBody);
        create.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var body = await CommandKit.ReadBodyAsync(parse.GetValue(createBody)!, CreatePresetBody.CreateFromDiscriminatorValue, token);
            var result = await client.Presets.CreateAsync(body, token);
            await printer.ResultAsync(result, () => Tables.Preset(result));
        }, ct));

        var updateBody = CommandKit.Body("parts to change (name, config, permissions and/or ui)", required: true);
        var update = CommandKit.Command(
            "update",
            "Change the given parts of a preset; each part given is sent whole",
            ["rtk presets update --preset-id <preset> --body '{\"name\":\"webinar_host\"}'", "rtk presets update --preset-id <preset> --body @changes.json --json"],
            preset, updateBody);
        update.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var body = await CommandKit.ReadBodyAsync(parse.GetValue(updateBody)!, UpdatePresetBody.CreateFromDiscriminatorValue, token);
            var result = await client.Presets.UpdateAsync(parse.GetValue(preset), body, token);
            await printer.ResultAsync(result, () => Tables.Preset(result));
        }, ct));

        return CommandKit.Group("presets", "The app's presets: what a participant can see and do", list, get, delete, create, update);
    }
}
