using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeKit.NSwagClient;

/// <summary>The JSON settings of NSwag's generated client, through the hook NSwag leaves for them.</summary>
public partial class RealtimeKitNSwagClient
{
    /// <summary>The settings the client reads and writes with (a copy to change freely).</summary>
    public static JsonSerializerOptions JsonOptions => new(_settings.Value);

    // NSwag gives an enum property its own converter but not a list of enums, which System.Text.Json would then
    // read as numbers: this converter reads both by their [JsonStringEnumMemberName].
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter());
}
