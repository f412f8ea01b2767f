namespace RealtimeKit.Generator.Diagnostics;

/// <summary>Every diagnostic code the generator can report, in one place so they stay unique.</summary>
public static class DiagnosticCodes
{
    /// <summary>The YAML itself cannot be read (syntax, duplicate key, alias trouble).</summary>
    public const string YamlSyntax = "RTKGEN001";

    /// <summary>A YAML construct with no JSON equivalent (merge keys, custom tags, .inf, non-scalar keys).</summary>
    public const string YamlUnsupported = "RTKGEN002";

    /// <summary>The OpenAPI reader reported an error (invalid type, unknown keyword, wrong value kind...).</summary>
    public const string OpenApiError = "RTKGEN010";

    /// <summary>The OpenAPI reader reported a warning.</summary>
    public const string OpenApiWarning = "RTKGEN011";

    /// <summary>A <c>$ref</c> that points nowhere, or outside the spec file.</summary>
    public const string BrokenReference = "RTKGEN023";

    /// <summary>The generator could not read or write a file.</summary>
    public const string Io = "RTKGEN030";

    /// <summary>Kiota could not be started, ended abnormally, or wrote no client.</summary>
    public const string KiotaRun = "RTKGEN040";

    /// <summary>A line of Kiota's own log (<c>warn:</c> or <c>fail:</c>), placed on the YAML line it is about.</summary>
    public const string Kiota = "KIOTA";
}
