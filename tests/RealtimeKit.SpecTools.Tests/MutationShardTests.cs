using RealtimeKit.SpecTools.Mutation;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>Splitting a project's mutation run into parts: reading K/N and sharing the files out.</summary>
public sealed class MutationShardTests
{
    private static readonly (string Path, long Size)[] Project =
    [
        ("Api/RequestRouter.cs", 9_000),
        ("Api/RestApi.cs", 30_000),
        ("Api/Wire.cs", 4_000),
        ("Program.cs", 500),
        ("Tools/Program.cs", 700),
        ("State/EmulatorState.cs", 25_000),
        ("State/Records.cs", 6_000),
        ("Webhooks/WebhookDispatcher.cs", 8_000),
    ];

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("3/3", 3, 3)]
    [InlineData("32/32", 32, 32)]
    public void K_of_N_is_read(string text, int index, int count)
    {
        var shard = MutationShard.Parse(text);

        Assert.Equal(new MutationShard(index, count), shard);
        Assert.Equal(text, shard.ToString());
        Assert.Equal($"{index}-of-{count}", shard.FolderName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1/0")]
    [InlineData("1/33")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    [InlineData(" 1/2")]
    [InlineData("+1/2")]
    [InlineData("-1/2")]
    public void Anything_else_is_refused_naming_the_value_and_the_form(string text)
    {
        var refused = Assert.Throws<FormatException>(() => MutationShard.Parse(text));

        Assert.Equal($"--shard must be K/N with 1 <= K <= N <= 32 (for example 2/3), not '{text}'.", refused.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void Every_file_is_in_exactly_one_part(int count)
    {
        var parts = Enumerable.Range(1, count).Select(i => new MutationShard(i, count).FilesOf(Project)).ToList();

        var all = parts.SelectMany(p => p).ToList();
        Assert.Equal(Project.Select(f => f.Path).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.All(parts, p => Assert.Equal(p.Order(StringComparer.Ordinal), p));
    }

    [Fact]
    public void Parts_get_about_the_same_amount_of_code_largest_files_first()
    {
        var parts = Enumerable.Range(1, 2).Select(i => new MutationShard(i, 2).FilesOf(Project)).ToList();

        // 30,000 to part 1, 25,000 to 2, 9,000 to 2 (34,000), 8,000 to 1 (38,000), 6,000 to 2 (40,000), 4,000 to 1
        // (42,000), and the two Program.cs (1,200) together to 2.
        Assert.Equal(["Api/RestApi.cs", "Api/Wire.cs", "Webhooks/WebhookDispatcher.cs"], parts[0]);
        Assert.Equal(["Api/RequestRouter.cs", "Program.cs", "State/EmulatorState.cs", "State/Records.cs", "Tools/Program.cs"], parts[1]);
    }

    [Fact]
    public void Files_sharing_a_name_stay_together_because_a_glob_for_one_matches_the_other()
    {
        for (var count = 2; count <= 8; count++)
        {
            var owner = Enumerable.Range(1, count).Single(i => new MutationShard(i, count).FilesOf(Project).Contains("Program.cs"));

            Assert.Contains("Tools/Program.cs", new MutationShard(owner, count).FilesOf(Project));
        }
    }

    [Fact]
    public void The_split_does_not_depend_on_the_order_files_are_listed_in()
    {
        var reversed = Project.Reverse().ToArray();
        var equalSizes = Project.Select(f => (f.Path, 100L)).ToArray();

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(new MutationShard(i, 3).FilesOf(Project), new MutationShard(i, 3).FilesOf(reversed));
            Assert.Equal(new MutationShard(i, 3).FilesOf(equalSizes), new MutationShard(i, 3).FilesOf(equalSizes.Reverse()));
        }
    }

    [Fact]
    public void More_parts_than_files_leaves_the_last_parts_empty()
    {
        var files = new[] { ("A.cs", 10L), ("B.cs", 20L) };

        Assert.Equal(["B.cs"], new MutationShard(1, 3).FilesOf(files));
        Assert.Equal(["A.cs"], new MutationShard(2, 3).FilesOf(files));
        Assert.Empty(new MutationShard(3, 3).FilesOf(files));
    }
}
