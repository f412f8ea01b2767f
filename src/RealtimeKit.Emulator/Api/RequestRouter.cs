using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using RealtimeKit.Emulator.State;

namespace RealtimeKit.Emulator.Api;

/// <summary>
/// Routes on the raw request target, each segment unescaped exactly once, so an id such as <c>a/b?c#d%e</c>
/// sent as one escaped segment arrives as one id. REST paths live under <c>/client/v4</c> like the real API;
/// the control surface under <c>/_emulator</c>.
/// </summary>
internal sealed class RequestRouter(EmulatorState state, string apiToken, Func<IReadOnlyList<Webhooks.WebhookDelivery>> deliveries, Webhooks.WebhookSigner signer)
{
    public const string ApiPrefix = "/client/v4";
    public const string ControlPrefix = "/_emulator";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(apiToken);
    private readonly Downloads _downloads = new(state.Clock);

    /// <summary>The REST operations answered, by the spec's path templates.</summary>
    public static RouteTable Routes { get; } = new(RestRoutes.All);

    public async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var path = raw.Split('?', 2)[0];
        try
        {
            if (path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal))
            {
                await HandleApiAsync(context, Segments(path[ApiPrefix.Length..]));
            }
            else if (path == ControlPrefix + "/health")
            {
                await Responses.Success(context, 200, new Dictionary<string, string> { ["status"] = "ok" });
            }
            else if (path.StartsWith(ControlPrefix + "/", StringComparison.Ordinal))
            {
                await HandleControlAsync(context, Segments(path[ControlPrefix.Length..]));
            }
            else
            {
                await NoRoute(context, path);
            }
        }
        catch (EmulatorProblem problem)
        {
            await Responses.RealtimeKitError(context, problem.Status, problem.Message);
        }
    }

    private async Task HandleApiAsync(HttpContext context, string[] s)
    {
        if (!Authorized(context))
        {
            await Responses.CloudflareError(context, 401, 10000, "Authentication error");
            return;
        }

        var method = context.Request.Method;
        var (route, values, pathKnown) = Routes.Match(method, s);
        if (route is null)
        {
            await (pathKnown ? NotAllowed(context, method) : NoRoute(context, context.Request.Path));
            return;
        }

        RestApi.CheckLength("account_id", values["account_id"]);
        // The apps operations carry the app id as a UUID (36 characters): the 32-character limit is for the other paths.
        if (!route.Template.Contains("/kit/apps", StringComparison.Ordinal))
        {
            RestApi.CheckLength("app_id", values["app_id"]);
        }

        // Read whatever the method: only the handlers of POST, PUT and PATCH look at it, and a GET's body is empty.
        var body = await ReadBodyAsync(context);
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        // Download links point back at this emulator, at the address the caller reached it by.
        var root = new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
        var (status, data) = route.Handler(new RestApi.Request(state, values, query, body) { Root = root, Downloads = _downloads });
        await Responses.Success(context, status, data);
    }

    private async Task HandleControlAsync(HttpContext context, string[] s)
    {
        var method = context.Request.Method;
        var body = await ReadBodyAsync(context);
        switch (method, s)
        {
            case ("POST", ["accounts", var account, "apps", var app, "meetings"]):
                RequireApiToken(context);
                RestApi.CheckIds(account, app);
                var title = string.IsNullOrWhiteSpace(body) ? null : JsonBody.Parse(body).OptionalNullableString("title");
                await Responses.Success(context, 201, state.CreateMeeting(account, app, title));
                break;
            case ("POST", ["sessions", "join"]):
                await Responses.Success(context, 200, state.Join(JsonBody.Parse(body).RequiredString("token")));
                break;
            case ("POST", ["sessions", "chat"]):
                var chat = JsonBody.Parse(body);
                await Responses.Success(context, 201, state.Chat(chat.RequiredString("token"), chat.RequiredString("message")));
                break;
            case ("GET", ["webhooks", "deliveries"]):
                RequireApiToken(context);
                await Responses.Success(context, 200, deliveries());
                break;
            case ("GET", ["webhooks", "public-key"]):
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-pem-file";
                await context.Response.WriteAsync(signer.PublicKeyPem, context.RequestAborted);
                break;
            case ("POST", ["sessions", "leave"]):
                await Responses.Success(context, 200, state.Leave(JsonBody.Parse(body).RequiredString("token")));
                break;
            case ("POST", ["meetings", var meetingId, "end-session"]):
                RequireApiToken(context);
                state.EndSession(meetingId);
                await Responses.Success(context, 200, new Dictionary<string, string> { ["meeting_id"] = meetingId, ["status"] = "ENDED" });
                break;
            case ("GET", ["meetings", var liveMeetingId, "live-participants"]):
                RequireApiToken(context);
                await Responses.Success(context, 200, state.LiveMembers(liveMeetingId));
                break;
            case ("POST", ["sessions", "unmute"]):
                await Responses.Success(context, 200, state.Unmute(JsonBody.Parse(body).RequiredString("token")));
                break;
            case ("POST", ["polls", var pollId, "votes"]):
                var vote = JsonBody.Parse(body);
                await Responses.Success(context, 200, state.Vote(vote.RequiredString("token"), pollId, vote.RequiredInt("option")));
                break;
            case ("GET", ["downloads", "sessions", var sessionId, var file]):
                await _downloads.ServeAsync(context, state, sessionId, file);
                break;
            case ("POST", ["reset"]):
                RequireApiToken(context);
                state.Reset();
                await Responses.Success(context, 200, new Dictionary<string, string> { ["status"] = "reset" });
                break;
            default:
                await NoRoute(context, context.Request.Path);
                break;
        }
    }

    private void RequireApiToken(HttpContext context)
    {
        if (!Authorized(context))
        {
            throw new EmulatorProblem(401, "The control surface needs the emulator's API token as Authorization: Bearer.");
        }
    }

    private bool Authorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _token);
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static string[] Segments(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    private static Task NoRoute(HttpContext context, string path) =>
        Responses.CloudflareError(context, 404, 7003, $"Could not route to {path}, perhaps your object identifier is invalid?");

    private static Task NotAllowed(HttpContext context, string method) =>
        Responses.CloudflareError(context, 405, 10405, $"Method {method} not allowed for this route.");
}
