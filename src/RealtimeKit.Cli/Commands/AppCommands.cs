using System.CommandLine;
using RealtimeKit.Cli.Output;

namespace RealtimeKit.Cli.Commands;

/// <summary><c>rtk apps list|create|get</c>: the account's RealtimeKit apps.</summary>
internal static class AppCommands
{
    public static Command Create(ApiCommands.Runner run, Func<ParseResult, string?> configuredAppId)
    {
        var search = new Option<string?>("--search") { Description = "Only apps whose name matches this text" };
        var paging = new CommandKit.PagingOptions();
        var list = CommandKit.Command("list", "List the account's apps (newest first)", ["rtk apps list", "rtk apps list --search demo --all --json"], [search, .. paging.Options]);
        list.SetAction((parse, ct) => run(parse, (client, printer, token) => CommandKit.ListAsync(
            parse, paging, printer, "app",
            (page, perPage, t) => client.Apps.ListAsync(parse.GetValue(search), null, page, perPage, t),
            (perPage, t) => client.Apps.ListAllAsync(parse.GetValue(search), null, perPage, t),
            Tables.Apps, token), ct));

        var name = new Option<string>("--name") { Description = "The app's name", Required = true };
        var create = CommandKit.Command("create", "Create an app in the account", ["rtk apps create --name my-app", "rtk apps create --name my-app --json"], name);
        create.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Apps.CreateAsync(parse.GetValue(name)!, token);
            await printer.ResultAsync(result, () => Tables.App(result.App));
        }, ct));

        var app = new Option<string?>("--app") { Description = "The app id (default: the configured app, --app-id or $CLOUDFLARE_REALTIMEKIT_APP_ID)" };
        var get = CommandKit.Command("get", "Show an app of the account", ["rtk apps get", "rtk apps get --app <app-id> --json"], app);
        get.SetAction((parse, ct) => run(parse, async (client, printer, token) =>
        {
            var result = await client.Apps.GetAsync(parse.GetValue(app) ?? configuredAppId(parse), token);
            await printer.ResultAsync(result, () => Tables.App(result));
        }, ct));

        return CommandKit.Group("apps", "The account's RealtimeKit apps", list, create, get);
    }
}
