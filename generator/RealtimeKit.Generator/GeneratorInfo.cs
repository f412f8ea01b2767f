namespace RealtimeKit.Generator;

/// <summary>Identity of this generator, as written into every generated file and the lock file.</summary>
public static class GeneratorInfo
{
    /// <summary>Tool name in <c>[GeneratedCode]</c>.</summary>
    public const string Name = "RealtimeKit.Generator";

    /// <summary>Bumped whenever the output for the same spec changes.</summary>
    public const string Version = "1.0.0";

    /// <summary>The Kiota release whose public surface the output follows.</summary>
    public const string KiotaSurfaceVersion = "1.34";
}
