using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.SpecTools.Api;
using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Infrastructure;
using RealtimeKit.SpecTools.Specs;
using RealtimeKit.SpecTools.Versioning;

namespace RealtimeKit.SpecTools.Reporting;

/// <summary>Whether the report compares the public API of built assemblies.</summary>
public enum ApiComparison
{
    /// <summary>Reflect over the current build and, when an API input changed, build the base to compare with.</summary>
    Build,

    /// <summary>Leave the public API out (the spec part alone).</summary>
    Skip,
}

/// <summary>What to report on.</summary>
/// <param name="RepositoryRoot">The work tree.</param>
/// <param name="BaseReference">The git reference to compare with; null for the merge base with main.</param>
/// <param name="SpecPath">The spec, relative to the root, forward slashes.</param>
/// <param name="Configuration">The build configuration whose assemblies are read.</param>
/// <param name="Api">Whether to compare the public API.</param>
public sealed record SpecReportRequest(
    string RepositoryRoot,
    string? BaseReference = null,
    string SpecPath = "openapi/realtimekit.yaml",
    string Configuration = "Release",
    ApiComparison Api = ApiComparison.Build);

/// <summary>A located spec change in the report.</summary>
/// <param name="Classified">The change, its impact and the reason.</param>
/// <param name="Message">The sentence the report shows.</param>
/// <param name="Location">Where it is in the current spec.</param>
/// <param name="BaseLocation">Where it was in the base spec, for what was removed or changed.</param>
public sealed record ReportedChange(ClassifiedChange Classified, string Message, SourceLocation Location, SourceLocation? BaseLocation);

/// <summary>What a spec change does to SDK users, and the version it needs.</summary>
public sealed class SpecReport
{
    /// <summary>The base reference as given (or <c>merge-base main</c>).</summary>
    public required string BaseReference { get; init; }

    /// <summary>The base commit, when it resolved.</summary>
    public string? BaseCommit { get; init; }

    /// <summary>The spec file, as reports name it.</summary>
    public required string SpecPath { get; init; }

    /// <summary>Why the spec could not be compared: diagnostics at YAML lines, or a missing base.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The spec's changes, in the order of the current spec's lines.</summary>
    public IReadOnlyList<ReportedChange> SpecChanges { get; init; } = [];

    /// <summary>Whether the public API was compared.</summary>
    public bool ApiCompared { get; init; }

    /// <summary>Why the API part says what it says (not compared, base unchanged, base build failed).</summary>
    public string? ApiNote { get; init; }

    /// <summary>The public API's changes, per assembly.</summary>
    public IReadOnlyList<ApiChange> ApiChanges { get; init; } = [];

    /// <summary>
    /// Public API entries the last build reported as not yet recorded in the PublicAPI files (RS0016 and RS0017, from
    /// each shipping project's SARIF log): AcceptApi records them after review.
    /// </summary>
    public int UnrecordedApiEntries { get; init; }

    /// <summary>The version at the base.</summary>
    public SemanticVersion? BaseVersion { get; init; }

    /// <summary>The version now (Directory.Build.props).</summary>
    public SemanticVersion? CurrentVersion { get; init; }

    /// <summary>The bump the changes need.</summary>
    public VersionBump RequiredBump { get; init; }

    /// <summary>The smallest version that carries <see cref="RequiredBump"/>.</summary>
    public SemanticVersion? SuggestedVersion => BaseVersion?.Bumped(RequiredBump);

    /// <summary>Whether a breaking change arrives without the major bump it needs.</summary>
    public bool BreakingWithoutBump =>
        RequiredBump == VersionBump.Major && BaseVersion is not null && CurrentVersion is not null && !CurrentVersion.Satisfies(BaseVersion, VersionBump.Major);

    /// <summary>How many spec changes have each impact.</summary>
    public int Count(Impact impact) => SpecChanges.Count(c => c.Classified.Impact == impact);

    /// <summary>The process exit code: 1 when the spec could not be compared, 3 for a breaking change without its bump, else 0.</summary>
    public int ExitCode => Errors.Count > 0 ? 1 : BreakingWithoutBump ? 3 : 0;

    /// <summary>Builds the report.</summary>
    public static SpecReport Create(SpecReportRequest request, Action<string>? log = null)
    {
        log ??= _ => { };
        var git = new GitRepository(request.RepositoryRoot);
        var baseReference = request.BaseReference ?? "merge-base of HEAD and main";
        var baseCommit = request.BaseReference is null ? git.DefaultBase() : git.ResolveCommit(request.BaseReference);
        if (baseCommit is null)
        {
            return new SpecReport
            {
                BaseReference = baseReference,
                SpecPath = request.SpecPath,
                Errors = [request.BaseReference is null
                    ? "No base: HEAD has no merge base with main or origin/main; pass --base=<git ref>."
                    : $"No base: '{request.BaseReference}' does not name a commit of this repository."],
            };
        }

        var specFile = Path.Combine(request.RepositoryRoot, request.SpecPath);
        SpecFile current;
        try
        {
            current = SpecFile.LoadChecked(File.ReadAllText(specFile), request.SpecPath);
        }
        catch (SpecException e)
        {
            return new SpecReport { BaseReference = baseReference, BaseCommit = baseCommit, SpecPath = request.SpecPath, Errors = e.Diagnostics.Select(d => d.ToString()).ToList() };
        }
        catch (IOException e)
        {
            return new SpecReport { BaseReference = baseReference, BaseCommit = baseCommit, SpecPath = request.SpecPath, Errors = [$"{request.SpecPath}(1,1): error RTKGEN030: Cannot read the spec: {e.Message}"] };
        }

        var baseDisplay = $"{request.SpecPath}@{GitRepository.Short(baseCommit)}";
        var baseText = git.ReadFile(baseCommit, request.SpecPath);
        SpecFile previous;
        try
        {
            previous = baseText is null ? SpecFile.Empty(baseDisplay) : SpecFile.LoadChecked(baseText, baseDisplay);
        }
        catch (SpecException)
        {
            // A base the check stage refuses is still compared as far as it reads.
            previous = SpecFile.LoadLenient(baseText!, baseDisplay);
        }

        var comparison = SpecComparer.Compare(previous, current);
        var specChanges = comparison.Changes.Select(change =>
        {
            var classified = ChangeClassifier.Classify(change);
            var baseLocation = change.OldPointer is null ? (SourceLocation?)null : previous.Locate(change.OldPointer);
            return new ReportedChange(classified, ChangeText.AsEvolution(change), current.Locate(change.NewPointer), baseLocation);
        }).ToList();

        var (apiCompared, apiNote, apiChanges) = request.Api == ApiComparison.Skip
            ? (false, "Not compared (--api skip).", (IReadOnlyList<ApiChange>)[])
            : CompareApi(git, baseCommit, request, log);

        var baseProps = git.ReadFile(baseCommit, VersionFile.RelativePath);
        var currentPropsPath = Path.Combine(request.RepositoryRoot, VersionFile.RelativePath);
        var impacts = specChanges.Select(c => c.Classified.Impact)
            .Concat(apiChanges.Select(c => c.Breaking ? Impact.Breaking : c.Kind == ApiChangeKind.Added ? Impact.Feature : Impact.Fix));
        return new SpecReport
        {
            BaseReference = baseReference,
            BaseCommit = baseCommit,
            SpecPath = request.SpecPath,
            SpecChanges = specChanges,
            ApiCompared = apiCompared,
            ApiNote = apiNote,
            ApiChanges = apiChanges,
            UnrecordedApiEntries = request.Api == ApiComparison.Skip ? 0 : UnrecordedEntries(request),
            BaseVersion = baseProps is null ? null : VersionFile.Read(baseProps),
            CurrentVersion = File.Exists(currentPropsPath) ? VersionFile.Read(File.ReadAllText(currentPropsPath)) : null,
            RequiredBump = ChangeClassifier.BumpFor(impacts),
        };
    }

    private static int UnrecordedEntries(SpecReportRequest request) =>
        ShippingProject.Find(request.RepositoryRoot)
            .Sum(p => PublicApi.PublicApiFiles.FindLogs(p.ProjectDirectory, request.Configuration)
                .SelectMany(log => PublicApi.PublicApiFiles.ReadLog(File.ReadAllText(log)))
                .Select(d => d.Rule + d.ApiName)
                .Distinct(StringComparer.Ordinal)
                .Count());

    private static (bool, string?, IReadOnlyList<ApiChange>) CompareApi(GitRepository git, string baseCommit, SpecReportRequest request, Action<string> log)
    {
        var projects = ShippingProject.Find(request.RepositoryRoot);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var assembly = project.BuiltAssembly(request.Configuration);
            if (assembly is null)
            {
                return (false, $"Not compared: {project.Name} is not built (run `dotnet build -c {request.Configuration}` first; `dotnet cake --target=SpecReport` does).", []);
            }

            current[project.Name] = assembly;
        }

        if (!git.Differs(baseCommit, BaseBuild.ApiInputs))
        {
            return (true, "Nothing the public API is built from changed since the base.", []);
        }

        var (baseAssemblies, error) = BaseBuild.Run(git, baseCommit, request.Configuration, log);
        if (error is not null)
        {
            return (false, error, []);
        }

        var changes = new List<ApiChange>();
        foreach (var name in current.Keys.Union(baseAssemblies.Keys).Order(StringComparer.Ordinal))
        {
            var before = baseAssemblies.TryGetValue(name, out var b) ? ApiSurface.Read(b) : [];
            var after = current.TryGetValue(name, out var a) ? ApiSurface.Read(a) : [];
            changes.AddRange(ApiComparer.Compare(name, before, after));
        }

        return (true, $"Read from the built assemblies: the work tree's bin/{request.Configuration} against a build of {GitRepository.Short(baseCommit)}.", changes);
    }
}
