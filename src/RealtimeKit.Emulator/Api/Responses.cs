using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RealtimeKit.Emulator.Api;

/// <summary>The three body shapes the emulator answers with, as RealtimeKit and Cloudflare do.</summary>
internal static class Responses
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary><c>{ "success": true, "data": ... }</c></summary>
    public static Task Success(HttpContext context, int status, object data) =>
        data is Paged page
            ? Write(context, status, new Dictionary<string, object> { ["success"] = true, ["data"] = page.Data, ["paging"] = page.Paging })
            : Write(context, status, new Dictionary<string, object> { ["success"] = true, ["data"] = data });

    /// <summary>RealtimeKit's error body: <c>{ "success": false, "error": { "code", "message" } }</c>.</summary>
    public static Task RealtimeKitError(HttpContext context, int status, string message) =>
        Write(context, status, new Dictionary<string, object> { ["success"] = false, ["error"] = new Dictionary<string, object> { ["code"] = status, ["message"] = LogSafe.Text(message) } });

    /// <summary>Cloudflare's general envelope, used for what is refused before RealtimeKit (auth, routing).</summary>
    public static Task CloudflareError(HttpContext context, int status, int code, string message) =>
        Write(context, status, new Dictionary<string, object?>
        {
            ["success"] = false,
            ["errors"] = new[] { new Dictionary<string, object> { ["code"] = code, ["message"] = LogSafe.Text(message) } },
            ["messages"] = Array.Empty<object>(),
            ["result"] = null,
        });

    private static async Task Write(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        // Dictionary keys are written as given; records inside get snake_case names and omit nulls.
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), Json, context.RequestAborted);
    }
}
