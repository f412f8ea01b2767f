using System.CommandLine;
using RealtimeKit.Cli.Output;
using RealtimeKit.Generated.Models;

namespace RealtimeKit.Cli.Commands;

/// <summary><c>rtk webhooks list|create|get|delete|events</c>: webhooks that call your backend on events.</summary>
internal static class WebhookCommands
{
    public static Command Create(ApiCommands.Runner run)
    {
        var list = CommandKit.Command("list", "List the app's webhooks", ["rtk webhooks list", "rtk webhooks list --json"]);
        list.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var webhooks = await client.Webhooks.ListAsync(token);
            await printer.ListAsync(webhooks, $"{webhooks.Count} webhook(s)", () => Tables.Webhooks(webhooks));
        }, ct));

        var name = new Option<string>("--name") { Description = "A name for the webhook", Required = true };
        var url = new Option<Uri?>("--url") { Description = "The absolute http(s) URL to call", Required = true, CustomParser = CliParsers.AbsoluteUrl };
        var events = new Option<WebhookEvent[]>("--event", "-e")
        {
            Description = "An event to call it for (repeatable); 'rtk webhooks events' lists them",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
            CustomParser = CliParsers.EnumValues<WebhookEvent>,
        };
        var disabled = new Option<bool>("--disabled") { Description = "Create it inactive" };
        var create = CommandKit.Command(
            "create",
            "Add a webhook",
            ["rtk webhooks create --name backend --url https://example.com/hooks --event meeting.started --event meeting.ended", "rtk webhooks create --name rec --url https://example.com/rec -e recording.statusUpdate --json"],
            name, url, events, disabled);
        create.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Webhooks.CreateAsync(parse.GetValue(name)!, parse.GetValue(url)!, parse.GetValue(events)!, parse.GetValue(disabled) ? false : null, token);
            await printer.ResultAsync(result, () => Tables.Webhook(result));
        }, ct));

        var webhook = new Option<string>("--webhook", "-w") { Description = "Webhook id (a UUID)", Required = true };
        var get = CommandKit.Command("get", "Show a webhook", ["rtk webhooks get -w <webhook>"], webhook);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Webhooks.GetAsync(parse.GetValue(webhook), token);
            await printer.ResultAsync(result, () => Tables.Webhook(result));
        }, ct));

        var delete = CommandKit.Command("delete", "Remove a webhook", ["rtk webhooks delete -w <webhook>"], webhook);
        delete.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Webhooks.DeleteAsync(parse.GetValue(webhook), token);
            await printer.ResultAsync(result, () => Tables.Webhook(result));
        }, ct));

        var eventsCommand = CommandKit.Command("events", "List every event a webhook can be called for", ["rtk webhooks events", "rtk webhooks events --json"]);
        eventsCommand.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Webhooks.ListEventsAsync(token);
            await printer.ValuesAsync(result.Select(CliParsers.WireName).ToList());
        }, ct));

        return CommandKit.Group("webhooks", "Webhooks that call your backend on meeting, recording and livestream events", list, create, get, delete, eventsCommand);
    }
}
