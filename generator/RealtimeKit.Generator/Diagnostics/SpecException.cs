namespace RealtimeKit.Generator.Diagnostics;

/// <summary>Generation stopped because the spec has errors; <see cref="Diagnostics"/> says where.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception from the diagnostics that stopped generation.</summary>
    public SpecException(IReadOnlyList<SpecDiagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception from one diagnostic.</summary>
    public SpecException(SpecDiagnostic diagnostic)
        : this(new[] { diagnostic })
    {
    }

    /// <summary>The problems found, in the order they were found.</summary>
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }
}
