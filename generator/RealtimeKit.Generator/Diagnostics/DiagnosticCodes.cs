namespace RealtimeKit.Generator.Diagnostics;

/// <summary>Every diagnostic code the generator can report, in one place so they stay unique.</summary>
public static class DiagnosticCodes
{
    /// <summary>The YAML itself cannot be read (syntax, duplicate key, alias trouble).</summary>
    public const string YamlSyntax = "RTKGEN001";

    /// <summary>A YAML construct with no JSON equivalent (merge keys, custom tags, .inf, non-scalar keys).</summary>
    public const string YamlUnsupported = "RTKGEN002";

    /// <summary>The OpenAPI reader reported an error.</summary>
    public const string OpenApiError = "RTKGEN010";

    /// <summary>The OpenAPI reader reported a warning.</summary>
    public const string OpenApiWarning = "RTKGEN011";

    /// <summary>A schema construct the generator does not support (oneOf, anyOf, not, mixed enums...).</summary>
    public const string UnsupportedSchema = "RTKGEN020";

    /// <summary>A parameter the generator does not support (cookie, header, object-typed, style...).</summary>
    public const string UnsupportedParameter = "RTKGEN021";

    /// <summary>A request or response media type the generator does not support.</summary>
    public const string UnsupportedMediaType = "RTKGEN022";

    /// <summary>A <c>$ref</c> that points nowhere or at something the generator cannot follow.</summary>
    public const string BrokenReference = "RTKGEN023";

    /// <summary>Two things in the spec end up with the same C# name.</summary>
    public const string NameCollision = "RTKGEN024";

    /// <summary>A path the generator cannot map to request builders.</summary>
    public const string UnsupportedPath = "RTKGEN025";

    /// <summary>The generator could not read or write a file.</summary>
    public const string Io = "RTKGEN030";
}
