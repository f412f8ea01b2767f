using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RealtimeKit.SpecTools.Versioning;

/// <summary>Which part of a version a change needs bumped.</summary>
public enum VersionBump
{
    /// <summary>Nothing changed for users.</summary>
    None,

    /// <summary>Fixes and documentation.</summary>
    Patch,

    /// <summary>Additions.</summary>
    Minor,

    /// <summary>Breaking changes.</summary>
    Major,
}

/// <summary>A semantic version <c>MAJOR.MINOR.PATCH[-prerelease]</c>.</summary>
/// <param name="Major">Major number.</param>
/// <param name="Minor">Minor number.</param>
/// <param name="Patch">Patch number.</param>
/// <param name="Prerelease">The prerelease label, without the dash, or null.</param>
public sealed partial record SemanticVersion(int Major, int Minor, int Patch, string? Prerelease = null) : IComparable<SemanticVersion>
{
    /// <summary>Parses <c>1.2.3</c> or <c>1.2.3-dev.4</c> (build metadata after <c>+</c> is dropped).</summary>
    public static SemanticVersion Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a semantic version (MAJOR.MINOR.PATCH[-prerelease]).");
        }

        return new SemanticVersion(
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
            match.Groups["pre"].Success ? match.Groups["pre"].Value : null);
    }

    /// <summary>
    /// The smallest version after this one that carries <paramref name="bump"/>. Before 1.0.0 the numbers shift
    /// down one place (SemVer §4 leaves 0.x open; this is Cargo's and npm's caret convention): a breaking change
    /// moves 0.1.0 to 0.2.0, anything else to 0.1.1.
    /// </summary>
    public SemanticVersion Bumped(VersionBump bump) => bump switch
    {
        VersionBump.None => this with { Prerelease = null },
        VersionBump.Major when Major == 0 => new SemanticVersion(0, Minor + 1, 0),
        VersionBump.Major => new SemanticVersion(Major + 1, 0, 0),
        VersionBump.Minor when Major == 0 => new SemanticVersion(0, Minor, Patch + 1),
        VersionBump.Minor => new SemanticVersion(Major, Minor + 1, 0),
        _ => new SemanticVersion(Major, Minor, Patch + 1),
    };

    /// <summary>Whether going from <paramref name="previous"/> to this version makes the bump <paramref name="bump"/> asks for.</summary>
    public bool Satisfies(SemanticVersion previous, VersionBump bump) =>
        bump == VersionBump.None || CompareCore(this, previous.Bumped(bump)) >= 0;

    /// <inheritdoc />
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = CompareCore(this, other);
        if (core != 0)
        {
            return core;
        }

        // A prerelease comes before its release.
        return (Prerelease, other.Prerelease) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.CompareOrdinal(Prerelease, other.Prerelease),
        };
    }

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes before or equals <paramref name="right"/>.</summary>
    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes after or equals <paramref name="right"/>.</summary>
    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    private static int CompareCore(SemanticVersion a, SemanticVersion b) =>
        a.Major != b.Major ? a.Major.CompareTo(b.Major) : a.Minor != b.Minor ? a.Minor.CompareTo(b.Minor) : a.Patch.CompareTo(b.Patch);

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}.{Patch}" + (Prerelease is null ? string.Empty : "-" + Prerelease);

    [GeneratedRegex(@"^(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)(-(?<pre>[0-9A-Za-z.-]+))?(\+.*)?$")]
    private static partial Regex Pattern();
}

/// <summary>
/// Reads the SDK's version from <c>Directory.Build.props</c>, the one place it is written
/// (<c>&lt;VersionPrefix&gt;</c>; a plain <c>&lt;Version&gt;</c> of older commits is read too).
/// </summary>
public static class VersionFile
{
    /// <summary>The file, relative to the repository root.</summary>
    public const string RelativePath = "Directory.Build.props";

    /// <summary>The version written in the props text, or null when it names none.</summary>
    public static SemanticVersion? Read(string propsText)
    {
        var document = XDocument.Parse(propsText);
        var element = document.Descendants("VersionPrefix").FirstOrDefault() ?? document.Descendants("Version").FirstOrDefault();
        return element is null ? null : SemanticVersion.Parse(element.Value);
    }
}
