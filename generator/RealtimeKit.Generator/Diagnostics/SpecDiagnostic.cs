namespace RealtimeKit.Generator.Diagnostics;

/// <summary>A problem found in the spec, located at a line and column of the YAML file it came from.</summary>
/// <param name="Code">A stable code such as <c>RTKGEN001</c>.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="File">The spec file, as given to the generator.</param>
/// <param name="Line">1-based line in <paramref name="File"/>.</param>
/// <param name="Column">1-based column in <paramref name="File"/>.</param>
/// <param name="IsWarning">Whether the problem is a warning rather than an error.</param>
public sealed record SpecDiagnostic(string Code, string Message, string File, int Line, int Column, bool IsWarning = false)
{
    /// <summary>The diagnostic in the canonical MSBuild format, which IDEs and CI place on the right line.</summary>
    public override string ToString() =>
        $"{File}({Line},{Column}): {(IsWarning ? "warning" : "error")} {Code}: {Message}";
}
