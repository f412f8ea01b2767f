using RealtimeKit.SpecTools.Comparison;
using RealtimeKit.SpecTools.Reporting;
using RealtimeKit.SpecTools.Versioning;

namespace RealtimeKit.SpecTools.Tests;

/// <summary>
/// Each spec change a maintainer can make, compared and classified the way the spec report does: the kind, whether
/// it breaks SDK users, the bump it needs, and the YAML line it is reported on.
/// </summary>
public sealed class ClassificationTests
{
    private static ClassifiedChange Single(IReadOnlyList<ClassifiedChange> changes)
    {
        Assert.True(changes.Count == 1, "Expected one change, got:\n" + string.Join("\n", changes.Select(c => $"{c.Change.Kind} {c.Change.Subject}")));
        return changes[0];
    }

    [Fact]
    public void The_same_spec_has_no_changes() => Assert.Empty(Fixture.Changes(Fixture.Spec));

    [Fact]
    public void An_optional_request_field_is_a_feature_at_its_line()
    {
        var spec = Fixture.With("        link:\n", "        duration:\n          type: integer\n        link:\n");
        var change = Single(Fixture.Changes(spec));

        Assert.Equal((ChangeKind.PropertyAdded, Impact.Feature, "CreatePollBody.duration"), (change.Change.Kind, change.Impact, change.Change.Subject));
        Assert.Equal(Fixture.LineOf(spec, "duration:"), Fixture.Load(spec).Locate(change.Change.NewPointer).Line);
        Assert.Equal(["createPoll"], change.Change.Operations);
    }

    [Fact]
    public void A_new_required_request_field_breaks_callers()
    {
        var spec = Fixture.With("required: [question]", "required: [question, duration]");
        spec = Fixture.With("        link:\n", "        duration:\n          type: integer\n        link:\n", spec);
        var change = Single(Fixture.Changes(spec));

        Assert.Equal((ChangeKind.PropertyAdded, Impact.Breaking), (change.Change.Kind, change.Impact));
        Assert.True(change.Change.Required);
    }

    [Fact]
    public void A_request_field_made_required_breaks_callers_on_the_line_and_column_of_its_entry()
    {
        var spec = Fixture.With("required: [question]", "required: [question, hide_votes]");
        var change = Single(Fixture.Changes(spec));

        Assert.Equal((ChangeKind.RequiredAdded, Direction.Request, Impact.Breaking), (change.Change.Kind, change.Change.Direction, change.Impact));
        var location = Fixture.Load(spec).Locate(change.Change.NewPointer);
        var line = Fixture.LineOf(spec, "required: [question, hide_votes]");
        Assert.Equal((line, spec.Split('\n')[line - 1].IndexOf("hide_votes", StringComparison.Ordinal) + 1), (location.Line, location.Column));
    }

    [Fact]
    public void A_response_field_made_required_is_a_fix_and_one_no_longer_required_breaks_readers()
    {
        var promised = Single(Fixture.Changes(Fixture.With("required: [id, status]", "required: [id, status, votes]")));
        var withdrawn = Single(Fixture.Changes(Fixture.With("required: [id, status]", "required: [id]")));

        Assert.Equal((ChangeKind.RequiredAdded, Impact.Fix), (promised.Change.Kind, promised.Impact));
        Assert.Equal((ChangeKind.RequiredRemoved, Impact.Breaking), (withdrawn.Change.Kind, withdrawn.Impact));
        // Poll is reached from both operations (listPolls through PollList), and reported once.
        Assert.Equal(["createPoll", "listPolls"], withdrawn.Change.Operations);
    }

    [Fact]
    public void A_removed_field_breaks_and_is_located_where_it_was_removed_from()
    {
        var spec = Fixture.With("        link:\n          type: string\n          format: uri\n", string.Empty);
        var change = Single(Fixture.Changes(spec));

        Assert.Equal((ChangeKind.PropertyRemoved, Impact.Breaking, "CreatePollBody.link"), (change.Change.Kind, change.Impact, change.Change.Subject));
        Assert.Equal(Fixture.LineOf(Fixture.Spec, "link:"), Fixture.Load(Fixture.Spec).Locate(change.Change.OldPointer!).Line);
    }

    [Fact]
    public void A_renamed_field_is_one_breaking_rename_at_the_new_name()
    {
        var spec = Fixture.With("        hide_votes:\n", "        hide_results:\n");
        var change = Single(Fixture.Changes(spec));

        Assert.Equal((ChangeKind.PropertyRenamed, Impact.Breaking, "hide_votes", "hide_results"), (change.Change.Kind, change.Impact, change.Change.Before, change.Change.After));
        Assert.Equal(Fixture.LineOf(spec, "hide_results:"), Fixture.Load(spec).Locate(change.Change.NewPointer).Line);
    }

    [Theory]
    [InlineData("        votes:\n          type: number\n", "        votes:\n          type: integer\n", Impact.Breaking)] // double → int
    [InlineData("          format: date-time\n", "", Impact.Breaking)] // DateTimeOffset → string
    [InlineData("          format: uri\n", "", Impact.Fix)] // string either way
    public void A_type_or_format_change_breaks_exactly_when_the_generated_CSharp_type_changes(string before, string after, Impact impact)
    {
        var change = Single(Fixture.Changes(Fixture.With(before, after)));

        Assert.Contains(change.Change.Kind, new[] { ChangeKind.TypeChanged, ChangeKind.FormatChanged });
        Assert.Equal(impact, change.Impact);
    }

    [Fact]
    public void A_narrowed_enum_breaks_and_a_widened_one_is_a_feature()
    {
        var narrowed = Single(Fixture.Changes(Fixture.With("enum: [open, closed]", "enum: [open]")));
        var widened = Single(Fixture.Changes(Fixture.With("enum: [open, closed]", "enum: [open, closed, archived]")));

        Assert.Equal((ChangeKind.EnumValuesRemoved, Impact.Breaking, "\"closed\""), (narrowed.Change.Kind, narrowed.Impact, narrowed.Change.Before));
        Assert.Equal((ChangeKind.EnumValuesAdded, Impact.Feature, "\"archived\""), (widened.Change.Kind, widened.Impact, widened.Change.After));
    }

    [Fact]
    public void Operations_and_statuses_added_are_features_and_removed_ones_break()
    {
        var added = Fixture.Changes(Fixture.With("        '400':\n          description: Refused.\n",
            "        '400':\n          description: Refused.\n        '409':\n          description: Conflict.\n"));
        var removed = Fixture.Changes(Fixture.With("        '400':\n          description: Refused.\n", string.Empty));
        var withoutList = Fixture.Changes(Fixture.Spec, original: Fixture.With(
            "    get:\n      operationId: listPolls\n",
            "    put:\n      operationId: replacePolls\n      summary: Replace\n      responses:\n        '204':\n          description: Done.\n    get:\n      operationId: listPolls\n"));

        Assert.Equal((ChangeKind.ResponseAdded, Impact.Feature), (Single(added).Change.Kind, Single(added).Impact));
        Assert.Equal((ChangeKind.ResponseRemoved, Impact.Breaking), (Single(removed).Change.Kind, Single(removed).Impact));
        Assert.Equal((ChangeKind.OperationRemoved, Impact.Breaking, "replacePolls"), (Single(withoutList).Change.Kind, Single(withoutList).Impact, Single(withoutList).Change.Subject));
    }

    [Fact]
    public void Parameters_are_compared_with_path_parameters_matched_by_position()
    {
        var required = Single(Fixture.Changes(Fixture.With("        - name: page_no\n          in: query\n", "        - name: page_no\n          in: query\n          required: true\n")));
        var renamedPathParameter = Fixture.Changes(Fixture.With("/rooms/{room_id}/polls", "/rooms/{id}/polls")
            .Replace("      name: room_id", "      name: id", StringComparison.Ordinal));

        Assert.Equal((ChangeKind.ParameterRequiredAdded, Impact.Breaking), (required.Change.Kind, required.Impact));
        Assert.Empty(renamedPathParameter);
    }

    [Fact]
    public void Required_in_an_allOf_part_counts_for_the_merged_schema()
    {
        var original = Fixture.With("    PollList:\n", "    OpenPoll:\n      allOf:\n        - $ref: '#/components/schemas/Poll'\n        - type: object\n          required: [votes]\n    PollList:\n");
        original = Fixture.With("                $ref: '#/components/schemas/Poll'\n        '400':", "                $ref: '#/components/schemas/OpenPoll'\n        '400':", original);
        var changed = original.Replace("          required: [votes]\n", "          required: [votes, created_at]\n", StringComparison.Ordinal);

        var change = Single(Fixture.Changes(changed, original));

        Assert.Equal((ChangeKind.RequiredAdded, Direction.Response, "Poll.created_at"), (change.Change.Kind, change.Change.Direction, change.Change.Subject));
    }

    [Fact]
    public void Documentation_changes_are_patches()
    {
        var change = Single(Fixture.Changes(Fixture.With("description: The question.", "description: The question to ask.")));

        Assert.Equal((ChangeKind.DocumentationChanged, Impact.Documentation), (change.Change.Kind, change.Impact));
        Assert.Equal(VersionBump.Patch, ChangeClassifier.BumpFor([change.Impact]));
    }

    [Fact]
    public void The_bump_is_the_largest_any_change_needs()
    {
        Assert.Equal(VersionBump.None, ChangeClassifier.BumpFor([]));
        Assert.Equal(VersionBump.Minor, ChangeClassifier.BumpFor([Impact.Fix, Impact.Feature]));
        Assert.Equal(VersionBump.Major, ChangeClassifier.BumpFor([Impact.Feature, Impact.Breaking, Impact.Documentation]));
    }
}
