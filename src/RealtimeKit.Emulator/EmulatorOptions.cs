namespace RealtimeKit.Emulator;

/// <summary>How to run the emulator.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The account id clients use by default; any id of at most 32 characters is accepted.</summary>
    public const string DefaultAccountId = "023e105f4ecef8ad9ca31a8372d0c353";

    /// <summary>The app id clients use by default; any id of at most 32 characters is accepted.</summary>
    public const string DefaultAppId = "emulator-app";

    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The API token requests must carry as <c>Authorization: Bearer</c>; a random one when null.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The clock for timestamps and minutes consumed.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
