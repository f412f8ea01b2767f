using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RealtimeKit.SpecTools.Api;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>The public API read from built assemblies, and how a change of it is classified.</summary>
public sealed class ApiSurfaceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rtk-api-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Compile(string name, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Lib", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(_folder, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    private const string Before = """
        namespace Lib;
        public class Poll
        {
            public string? Question { get; set; }
            public bool? HideVotes { get; set; }
            public Poll() { }
            protected virtual void OnChanged(int count, string? reason = null) { }
            internal void Hidden() { }
        }
        public enum Status { Open, Closed }
        public interface IStore { System.Threading.Tasks.Task<Poll?> GetAsync(string id, System.Threading.CancellationToken cancellationToken = default); }
        """;

    [Fact]
    public void Public_and_protected_members_are_read_in_the_style_of_PublicAPI_files()
    {
        var surface = ApiSurface.Read(Compile("before", Before)).Select(e => e.Signature).ToList();

        Assert.Contains("class Lib.Poll", surface);
        Assert.Contains("Lib.Poll.Question.get -> string", surface);
        Assert.Contains("Lib.Poll.HideVotes.set -> void", surface);
        Assert.Contains("Lib.Poll.Poll() -> void", surface);
        Assert.Contains("protected virtual Lib.Poll.OnChanged(int count, string reason = default) -> void", surface);
        Assert.Contains("Lib.Status.Closed = 1 -> Lib.Status", surface);
        Assert.Contains("Lib.IStore.GetAsync(string id, System.Threading.CancellationToken cancellationToken = default) -> System.Threading.Tasks.Task<Lib.Poll>", surface);
        Assert.DoesNotContain(surface, s => s.Contains("Hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Removed_and_changed_members_break_additions_do_not_unless_users_must_implement_them()
    {
        var after = Before
            .Replace("    public bool? HideVotes { get; set; }\n", "    public bool? HideResults { get; set; }\n", StringComparison.Ordinal)
            .Replace("Open, Closed", "Open, Closed, Archived", StringComparison.Ordinal)
            .Replace("    public string? Question { get; set; }", "    public string? Question { get; set; }\n    public int? Duration { get; set; }", StringComparison.Ordinal)
            .Replace("cancellationToken = default); }", "cancellationToken = default); void Delete(string id); }", StringComparison.Ordinal)
            .Replace("int count, string? reason = null", "long count, string? reason = null", StringComparison.Ordinal);

        var changes = ApiComparer.Compare("Lib", ApiSurface.Read(Compile("before", Before)), ApiSurface.Read(Compile("after", after)));
        ApiChange Find(string text) => Assert.Single(changes, c => (c.After ?? c.Before)!.Contains(text, StringComparison.Ordinal));

        Assert.True(Find("HideVotes.get").Breaking);
        Assert.Equal(ApiChangeKind.Removed, Find("HideVotes.get").Kind);
        Assert.False(Find("HideResults.get").Breaking);
        Assert.False(Find("Duration.set").Breaking);
        Assert.False(Find("Status.Archived").Breaking);
        Assert.True(Find("IStore.Delete").Breaking);
        var changed = Find("OnChanged");
        Assert.Equal((ApiChangeKind.Changed, true), (changed.Kind, changed.Breaking));
        Assert.Contains("int count", changed.Before, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_client_built_beside_the_tests_reads_like_its_PublicAPI_file()
    {
        // The tests reference the facade, so the generated client is built beside them.
        var surface = ApiSurface.Read(Path.Combine(AppContext.BaseDirectory, "RealtimeKit.Generated.dll")).Select(e => e.Signature).ToHashSet();
        var declared = File.ReadAllLines(Path.Combine(TestSupport.RepoPaths.Root, "src", "RealtimeKit.Generated", "PublicAPI.Shipped.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("*REMOVED*", StringComparison.Ordinal))
            .Select(StripReferenceNullability)
            .ToList();

        // Every declared member is there, written the same way up to nullable reference annotations.
        var missing = declared.Where(d => d.Contains(" -> ", StringComparison.Ordinal)
            ? !surface.Any(s => s.EndsWith(d, StringComparison.Ordinal))
            : !surface.Any(s => s.EndsWith(" " + d, StringComparison.Ordinal) || s.Contains(" " + d + " : ", StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "Not read from the assembly:\n" + string.Join("\n", missing.Take(10)));
    }

    private static string StripReferenceNullability(string entry)
    {
        // PublicAPI files annotate references (string!, Foo?); the reader leaves them unannotated and keeps only
        // Nullable<T> as T?. Types starting in upper case or string/object are references unless they are known structs.
        var text = entry.Replace("!", string.Empty, StringComparison.Ordinal).Replace("default(System.Threading.CancellationToken)", "default", StringComparison.Ordinal);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"= null\b", "= default");
        text = System.Text.RegularExpressions.Regex.Replace(text, @"(?<type>[A-Za-z_][\w.]*(<[^<>]*(<[^<>]*>)?[^<>]*>)?)\?", m =>
        {
            var type = m.Groups["type"].Value;
            var valueType = type is "bool" or "int" or "long" or "double" or "float" or "decimal" or "System.Guid" or "System.DateTimeOffset" or "System.TimeSpan"
                || type.StartsWith("Microsoft.Kiota.Abstractions.Date", StringComparison.Ordinal) || type.StartsWith("Microsoft.Kiota.Abstractions.Time", StringComparison.Ordinal)
                || type.Contains(".Models.", StringComparison.Ordinal) && IsGeneratedEnum(type);
            return valueType ? m.Value : type;
        });
        // "virtual"/"override" prefixes and such are the reader's as well; compare from the member name on.
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return text.StartsWith("override ", StringComparison.Ordinal) || text.StartsWith("static ", StringComparison.Ordinal) || text.StartsWith("virtual ", StringComparison.Ordinal) || text.StartsWith("const ", StringComparison.Ordinal)
            ? text[(space + 1)..]
            : text;
    }

    private static bool IsGeneratedEnum(string type) =>
        typeof(RealtimeKitClient).Assembly.GetReferencedAssemblies().Any(a => a.Name == "RealtimeKit.Generated")
        && Type.GetType(type + ", RealtimeKit.Generated") is { IsEnum: true };
}
