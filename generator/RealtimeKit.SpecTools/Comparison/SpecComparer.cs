using System.Text.Json.Nodes;
using RealtimeKit.SpecTools.Specs;

namespace RealtimeKit.SpecTools.Comparison;

/// <summary>How a comparison is run.</summary>
/// <param name="DetectRenames">Pair a removed and an added property of the same object and schema as one rename.</param>
/// <param name="CompareDocumentation">Report changed summaries and descriptions.</param>
public sealed record ComparisonOptions(bool DetectRenames = true, bool CompareDocumentation = true);

/// <summary>The outcome of comparing two descriptions.</summary>
/// <param name="Changes">Every difference, in the order of the new description's lines.</param>
/// <param name="OldOperations">The old description's operations.</param>
/// <param name="NewOperations">The new description's operations.</param>
public sealed record ComparisonResult(IReadOnlyList<SpecChange> Changes, IReadOnlyList<SpecOperation> OldOperations, IReadOnlyList<SpecOperation> NewOperations)
{
    /// <summary>How many operations (by method and path shape) both hold.</summary>
    public int SharedOperationCount => NewOperations.Select(o => o.Key).Intersect(OldOperations.Select(o => o.Key), StringComparer.Ordinal).Count();
}

/// <summary>
/// Compares two OpenAPI descriptions operation by operation (matched by method and path shape): parameters,
/// request bodies, statuses, and every schema reachable from them, with <c>$ref</c>s followed and <c>allOf</c>
/// merged. A schema shared by several operations is compared from each of them; its change is reported once,
/// listing every operation and every route that reaches it.
/// </summary>
public sealed class SpecComparer
{
    private readonly SpecFile _old;
    private readonly SpecFile _new;
    private readonly ComparisonOptions _options;
    private readonly HashSet<(string Old, string New, Direction Direction)> _inProgress = [];
    private readonly List<SpecChange> _all = [];
    private readonly Stack<string> _trail = new();
    private string? _operation;

    private SpecComparer(SpecFile old, SpecFile @new, ComparisonOptions options)
    {
        _old = old;
        _new = @new;
        _options = options;
    }

    /// <summary>Compares <paramref name="old"/> with <paramref name="new"/>.</summary>
    public static ComparisonResult Compare(SpecFile old, SpecFile @new, ComparisonOptions? options = null)
    {
        var comparer = new SpecComparer(old, @new, options ?? new ComparisonOptions());
        return comparer.Run();
    }

    private ComparisonResult Run()
    {
        var oldOperations = SpecOperations.All(_old);
        var newOperations = SpecOperations.All(_new);
        var oldByKey = oldOperations.GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newKeys = newOperations.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var operation in newOperations)
        {
            if (!oldByKey.TryGetValue(operation.Key, out var oldOperation))
            {
                _operation = operation.Label;
                _trail.Push(operation.PathItemPointer);
                Record(new SpecChange(ChangeKind.OperationAdded, Direction.Operation, operation.Label)
                {
                    NewPointer = operation.Pointer,
                    After = $"{operation.Method} {operation.Path}",
                });
                _trail.Clear();
                _operation = null;
                continue;
            }

            _operation = operation.Label;
            _trail.Push(operation.PathItemPointer);
            _trail.Push(operation.Pointer);
            CompareOperation(oldOperation, operation);
            _trail.Clear();
            _operation = null;
        }

        foreach (var operation in oldOperations.Where(o => !newKeys.Contains(o.Key)))
        {
            var pathItem = _new.At(operation.PathItemPointer) is null ? "/paths" : operation.PathItemPointer;
            _operation = operation.Label;
            Record(new SpecChange(ChangeKind.OperationRemoved, Direction.Operation, operation.Label)
            {
                OldPointer = operation.Pointer,
                NewPointer = pathItem,
                Before = $"{operation.Method} {operation.Path}",
            });
            _operation = null;
        }

        // One change reached from several operations (a shared schema) was recorded once per route: merge them.
        var merged = new List<SpecChange>();
        foreach (var group in _all.GroupBy(c => c.Identity))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                first.Routes.AddRange(other.Routes);
                first.Operations.UnionWith(other.Operations);
            }

            merged.Add(first);
        }

        var ordered = merged
            .Select((change, index) => (change, index, location: _new.Locate(change.NewPointer)))
            .OrderBy(x => x.location.Line).ThenBy(x => x.location.Column).ThenBy(x => x.index)
            .Select(x => x.change)
            .ToList();
        return new ComparisonResult(ordered, oldOperations, newOperations);
    }

    private SpecChange Record(SpecChange change, params string[] alsoOnRoute)
    {
        change.Routes.Add([.. _trail.Reverse(), .. alsoOnRoute, change.NewPointer]);
        if (_operation is not null)
        {
            change.Operations.Add(_operation);
        }

        _all.Add(change);
        return change;
    }

    private List<SpecChange> CompareOperation(SpecOperation oldOperation, SpecOperation newOperation)
    {
        var changes = new List<SpecChange>();
        var oldNode = _old.At(oldOperation.Pointer) as JsonObject;
        var newNode = _new.At(newOperation.Pointer) as JsonObject;
        if (oldNode is null || newNode is null)
        {
            return changes;
        }

        if (IsTrue(newNode["deprecated"]) && !IsTrue(oldNode["deprecated"]))
        {
            changes.Add(Record(new SpecChange(ChangeKind.DeprecatedAdded, Direction.Operation, newOperation.Label) { NewPointer = Pointers.Child(newOperation.Pointer, "deprecated") }));
        }

        if (_options.CompareDocumentation)
        {
            foreach (var key in new[] { "summary", "description" })
            {
                var before = oldNode[key]?.ToString();
                var after = newNode[key]?.ToString();
                if (before != after)
                {
                    changes.Add(Record(new SpecChange(ChangeKind.DocumentationChanged, Direction.Operation, $"{newOperation.Label} {key}")
                    {
                        NewPointer = after is null ? newOperation.Pointer : Pointers.Child(newOperation.Pointer, key),
                        OldPointer = before is null ? null : Pointers.Child(oldOperation.Pointer, key),
                        Before = before,
                        After = after,
                    }));
                }
            }
        }

        changes.AddRange(CompareParameters(oldOperation, newOperation));
        changes.AddRange(CompareRequestBody(oldOperation, oldNode, newOperation, newNode));
        changes.AddRange(CompareResponses(oldOperation, oldNode, newOperation, newNode));
        return changes;
    }

    private sealed record Parameter(string Key, string Name, JsonObject Node, string Pointer, string Site);

    private static List<Parameter> EffectiveParameters(SpecFile spec, SpecOperation operation)
    {
        var byIdentity = new Dictionary<(string In, string Name), Parameter>();
        var order = new List<(string, string)>();
        foreach (var owner in new[] { operation.PathItemPointer, operation.Pointer })
        {
            if (spec.At(Pointers.Child(owner, "parameters")) is not JsonArray list)
            {
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var site = Pointers.Child(Pointers.Child(owner, "parameters"), i);
                var (node, pointer) = SchemaView.Resolve(spec, list[i], site, null);
                if (node is not JsonObject parameter || parameter["name"]?.ToString() is not { } name || parameter["in"]?.ToString() is not { } location)
                {
                    continue;
                }

                // Path parameters are matched by position: their names never reach the wire.
                var key = location == "path" ? $"path#{operation.PathParameterIndex(name)}" : $"{location}:{name}";
                if (!byIdentity.ContainsKey((location, name)))
                {
                    order.Add((location, name));
                }

                byIdentity[(location, name)] = new Parameter(key, name, parameter, pointer, site);
            }
        }

        return order.Select(k => byIdentity[k]).ToList();
    }

    private List<SpecChange> CompareParameters(SpecOperation oldOperation, SpecOperation newOperation)
    {
        var changes = new List<SpecChange>();
        // A sloppy description may declare two path parameters its template lacks (both path#-1): the first one counts.
        var oldParameters = EffectiveParameters(_old, oldOperation).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newParameters = EffectiveParameters(_new, newOperation);
        foreach (var parameter in newParameters)
        {
            var subject = Pointers.Describe(parameter.Pointer, _new.Json);
            _trail.Push(parameter.Site);
            _trail.Push(parameter.Pointer);
            if (!oldParameters.Remove(parameter.Key, out var old))
            {
                changes.Add(Record(new SpecChange(ChangeKind.ParameterAdded, Direction.Request, subject)
                {
                    NewPointer = parameter.Pointer,
                    Required = IsTrue(parameter.Node["required"]),
                    After = $"{parameter.Name} ({parameter.Node["in"]})",
                }));
            }
            else
            {
                var wasRequired = IsTrue(old.Node["required"]);
                var isRequired = IsTrue(parameter.Node["required"]);
                if (wasRequired != isRequired)
                {
                    changes.Add(Record(new SpecChange(isRequired ? ChangeKind.ParameterRequiredAdded : ChangeKind.ParameterRequiredRemoved, Direction.Request, subject)
                    {
                        NewPointer = parameter.Node.ContainsKey("required") ? Pointers.Child(parameter.Pointer, "required") : parameter.Pointer,
                        OldPointer = old.Pointer,
                    }));
                }

                changes.AddRange(CompareSchema(old.Node["schema"], Pointers.Child(old.Pointer, "schema"), parameter.Node["schema"], Pointers.Child(parameter.Pointer, "schema"), Direction.Request));
            }

            _trail.Pop();
            _trail.Pop();
        }

        foreach (var removed in oldParameters.Values)
        {
            changes.Add(Record(new SpecChange(ChangeKind.ParameterRemoved, Direction.Request, Pointers.Describe(removed.Pointer, _old.Json))
            {
                OldPointer = removed.Pointer,
                NewPointer = Pointers.Child(newOperation.Pointer, "parameters"),
                Before = $"{removed.Name} ({removed.Node["in"]})",
            }));
        }

        return changes;
    }

    private List<SpecChange> CompareRequestBody(SpecOperation oldOperation, JsonObject oldNode, SpecOperation newOperation, JsonObject newNode)
    {
        var changes = new List<SpecChange>();
        var oldSite = Pointers.Child(oldOperation.Pointer, "requestBody");
        var newSite = Pointers.Child(newOperation.Pointer, "requestBody");
        var (oldBody, oldPointer) = SchemaView.Resolve(_old, oldNode["requestBody"], oldSite, null);
        var trail = new List<string>();
        var (newBody, newPointer) = SchemaView.Resolve(_new, newNode["requestBody"], newSite, trail);
        var subject = $"{newOperation.Label} request body";
        if (oldBody is not JsonObject oldObject)
        {
            if (newBody is JsonObject addedBody)
            {
                changes.Add(Record(new SpecChange(ChangeKind.RequestBodyAdded, Direction.Request, subject) { NewPointer = newSite, Required = IsTrue(addedBody["required"]) }, [.. trail, newPointer]));
            }

            return changes;
        }

        if (newBody is not JsonObject newObject)
        {
            changes.Add(Record(new SpecChange(ChangeKind.RequestBodyRemoved, Direction.Request, subject) { NewPointer = newOperation.Pointer, OldPointer = oldSite }));
            return changes;
        }

        foreach (var site in trail)
        {
            _trail.Push(site);
        }

        _trail.Push(newPointer);
        var wasRequired = IsTrue(oldObject["required"]);
        var isRequired = IsTrue(newObject["required"]);
        if (wasRequired != isRequired)
        {
            changes.Add(Record(new SpecChange(isRequired ? ChangeKind.RequestBodyRequiredAdded : ChangeKind.RequestBodyRequiredRemoved, Direction.Request, subject)
            {
                NewPointer = newObject.ContainsKey("required") ? Pointers.Child(newPointer, "required") : newPointer,
                OldPointer = oldPointer,
            }));
        }

        changes.AddRange(CompareContent(oldObject, oldPointer, newObject, newPointer, Direction.Request, subject));
        for (var i = 0; i <= trail.Count; i++)
        {
            _trail.Pop();
        }

        return changes;
    }

    private List<SpecChange> CompareResponses(SpecOperation oldOperation, JsonObject oldNode, SpecOperation newOperation, JsonObject newNode)
    {
        var changes = new List<SpecChange>();
        var oldResponses = oldNode["responses"] as JsonObject ?? [];
        var newResponses = newNode["responses"] as JsonObject ?? [];
        var oldResponsesPointer = Pointers.Child(oldOperation.Pointer, "responses");
        var newResponsesPointer = Pointers.Child(newOperation.Pointer, "responses");
        foreach (var (status, value) in newResponses)
        {
            var newSite = Pointers.Child(newResponsesPointer, status);
            var subject = $"{newOperation.Label} response {status}";
            if (!oldResponses.ContainsKey(status))
            {
                var definitionTrail = new List<string>();
                var (_, definition) = SchemaView.Resolve(_new, value, newSite, definitionTrail);
                changes.Add(Record(new SpecChange(ChangeKind.ResponseAdded, Direction.Response, subject) { NewPointer = newSite, After = status }, [.. definitionTrail, definition]));
                continue;
            }

            var oldSite = Pointers.Child(oldResponsesPointer, status);
            var (oldResponse, oldPointer) = SchemaView.Resolve(_old, oldResponses[status], oldSite, null);
            var trail = new List<string>();
            var (newResponse, newPointer) = SchemaView.Resolve(_new, value, newSite, trail);
            if (oldResponse is not JsonObject o || newResponse is not JsonObject n)
            {
                continue;
            }

            foreach (var site in trail)
            {
                _trail.Push(site);
            }

            _trail.Push(newPointer);
            changes.AddRange(CompareContent(o, oldPointer, n, newPointer, Direction.Response, subject));
            for (var i = 0; i <= trail.Count; i++)
            {
                _trail.Pop();
            }
        }

        foreach (var (status, _) in oldResponses)
        {
            if (!newResponses.ContainsKey(status))
            {
                changes.Add(Record(new SpecChange(ChangeKind.ResponseRemoved, Direction.Response, $"{newOperation.Label} response {status}")
                {
                    NewPointer = newResponsesPointer,
                    OldPointer = Pointers.Child(oldResponsesPointer, status),
                    Before = status,
                }));
            }
        }

        return changes;
    }

    private List<SpecChange> CompareContent(JsonObject oldOwner, string oldOwnerPointer, JsonObject newOwner, string newOwnerPointer, Direction direction, string subject)
    {
        var changes = new List<SpecChange>();
        var oldContent = oldOwner["content"] as JsonObject ?? [];
        var newContent = newOwner["content"] as JsonObject ?? [];
        var newContentPointer = Pointers.Child(newOwnerPointer, "content");
        var oldContentPointer = Pointers.Child(oldOwnerPointer, "content");
        foreach (var (mediaType, media) in newContent)
        {
            var newMediaPointer = Pointers.Child(newContentPointer, mediaType);
            if (!oldContent.ContainsKey(mediaType))
            {
                changes.Add(Record(new SpecChange(ChangeKind.MediaTypeAdded, direction, subject) { NewPointer = newMediaPointer, After = mediaType }));
                continue;
            }

            var oldMediaPointer = Pointers.Child(oldContentPointer, mediaType);
            changes.AddRange(CompareSchema(
                (oldContent[mediaType] as JsonObject)?["schema"], Pointers.Child(oldMediaPointer, "schema"),
                (media as JsonObject)?["schema"], Pointers.Child(newMediaPointer, "schema"),
                direction));
        }

        foreach (var (mediaType, _) in oldContent)
        {
            if (!newContent.ContainsKey(mediaType))
            {
                changes.Add(Record(new SpecChange(ChangeKind.MediaTypeRemoved, direction, subject)
                {
                    NewPointer = newOwner.ContainsKey("content") ? newContentPointer : newOwnerPointer,
                    OldPointer = Pointers.Child(oldContentPointer, mediaType),
                    Before = mediaType,
                }));
            }
        }

        return changes;
    }

    private List<SpecChange> CompareSchema(JsonNode? oldNode, string oldPointer, JsonNode? newNode, string newPointer, Direction direction)
    {
        if (oldNode is null || newNode is null)
        {
            return [];
        }

        var oldView = SchemaView.Build(_old, oldNode, oldPointer);
        var newView = SchemaView.Build(_new, newNode, newPointer);
        var key = (oldView.Pointer, newView.Pointer, direction);
        if (!_inProgress.Add(key))
        {
            // A recursive schema (a session's breakout rooms are sessions) is compared once per route.
            return [];
        }

        foreach (var pointer in newView.Trail)
        {
            _trail.Push(pointer);
        }

        var changes = CompareViews(oldView, newView, direction);
        foreach (var _ in newView.Trail)
        {
            _trail.Pop();
        }

        _inProgress.Remove(key);
        return changes;
    }

    private List<SpecChange> CompareViews(SchemaView oldView, SchemaView newView, Direction direction)
    {
        var changes = new List<SpecChange>();
        var subject = Pointers.Describe(newView.Pointer, _new.Json);

        if (oldView.Type != newView.Type)
        {
            changes.Add(Record(new SpecChange(ChangeKind.TypeChanged, direction, subject)
            {
                NewPointer = newView.TypePointer ?? newView.Pointer,
                OldPointer = oldView.TypePointer ?? oldView.Pointer,
                Before = oldView.Shape.ToString(),
                After = newView.Shape.ToString(),
                Shapes = (oldView.Shape, newView.Shape),
            }));
        }
        else if (oldView.Format != newView.Format)
        {
            changes.Add(Record(new SpecChange(ChangeKind.FormatChanged, direction, subject)
            {
                NewPointer = newView.FormatPointer ?? newView.Pointer,
                OldPointer = oldView.FormatPointer ?? oldView.Pointer,
                Before = oldView.Format ?? "none",
                After = newView.Format ?? "none",
                Shapes = (oldView.Shape, newView.Shape),
            }));
        }

        CompareEnums(oldView, newView, direction, subject, changes);

        if (oldView.Nullable != newView.Nullable)
        {
            changes.Add(Record(new SpecChange(newView.Nullable ? ChangeKind.NullableAdded : ChangeKind.NullableRemoved, direction, subject)
            {
                NewPointer = newView.NullablePointer ?? newView.Pointer,
                OldPointer = oldView.NullablePointer ?? oldView.Pointer,
            }));
        }

        if (newView.Deprecated && !oldView.Deprecated)
        {
            changes.Add(Record(new SpecChange(ChangeKind.DeprecatedAdded, direction, subject) { NewPointer = newView.Pointer }));
        }

        if (_options.CompareDocumentation && oldView.Description != newView.Description)
        {
            changes.Add(Record(new SpecChange(ChangeKind.DocumentationChanged, direction, subject)
            {
                NewPointer = newView.DescriptionPointer ?? newView.Pointer,
                OldPointer = oldView.DescriptionPointer,
                Before = oldView.Description,
                After = newView.Description,
            }));
        }

        CompareProperties(oldView, newView, direction, changes);

        if (oldView.Items is { } oldItems && newView.Items is { } newItems)
        {
            changes.AddRange(CompareSchema(oldItems.Node, oldItems.Pointer, newItems.Node, newItems.Pointer, direction));
        }

        if (oldView.AdditionalProperties is { } oldExtra && newView.AdditionalProperties is { } newExtra)
        {
            changes.AddRange(CompareSchema(oldExtra.Node, oldExtra.Pointer, newExtra.Node, newExtra.Pointer, direction));
        }

        CompareVariants(oldView.OneOf, newView.OneOf, "oneOf", newView, direction, subject, changes);
        CompareVariants(oldView.AnyOf, newView.AnyOf, "anyOf", newView, direction, subject, changes);
        return changes;
    }

    private void CompareEnums(SchemaView oldView, SchemaView newView, Direction direction, string subject, List<SpecChange> changes)
    {
        if (oldView.Enum is null && newView.Enum is null)
        {
            return;
        }

        if (oldView.Enum is null)
        {
            changes.Add(Record(new SpecChange(ChangeKind.EnumAdded, direction, subject) { NewPointer = newView.EnumPointer!, After = Values(newView.Enum!) }));
            return;
        }

        if (newView.Enum is null)
        {
            changes.Add(Record(new SpecChange(ChangeKind.EnumRemoved, direction, subject) { NewPointer = newView.Pointer, OldPointer = oldView.EnumPointer, Before = Values(oldView.Enum) }));
            return;
        }

        var before = oldView.Enum.Select(v => v!.ToJsonString()).ToList();
        var after = newView.Enum.Select(v => v!.ToJsonString()).ToList();
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            changes.Add(Record(new SpecChange(ChangeKind.EnumValuesAdded, direction, subject) { NewPointer = newView.EnumPointer!, OldPointer = oldView.EnumPointer, After = string.Join(", ", added) }));
        }

        if (removed.Count > 0)
        {
            changes.Add(Record(new SpecChange(ChangeKind.EnumValuesRemoved, direction, subject) { NewPointer = newView.EnumPointer!, OldPointer = oldView.EnumPointer, Before = string.Join(", ", removed) }));
        }
    }

    private static string Values(JsonArray values) => string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"));

    private void CompareProperties(SchemaView oldView, SchemaView newView, Direction direction, List<SpecChange> changes)
    {
        var oldNames = oldView.Properties.Select(p => p.Name).ToList();
        var newNames = newView.Properties.Select(p => p.Name).ToList();
        var removed = oldNames.Except(newNames, StringComparer.Ordinal).ToList();
        var added = newNames.Except(oldNames, StringComparer.Ordinal).ToList();
        var renames = _options.DetectRenames ? FindRenames(oldView, newView, removed, added) : [];
        var propertiesPointer = newView.Properties.Count > 0 ? newView.Properties[0].Schema.Pointer[..newView.Properties[0].Schema.Pointer.LastIndexOf('/')] : newView.Pointer;

        foreach (var (name, schema) in newView.Properties)
        {
            var subject = Pointers.Describe(schema.Pointer, _new.Json);
            var renamedFrom = renames.FirstOrDefault(r => r.New == name).Old;
            if (added.Contains(name) && renamedFrom is null)
            {
                changes.Add(Record(new SpecChange(ChangeKind.PropertyAdded, direction, subject)
                {
                    NewPointer = schema.Pointer,
                    Required = newView.Required.ContainsKey(name),
                    After = name,
                }));
                continue;
            }

            var oldName = renamedFrom ?? name;
            var oldSchema = oldView.Property(oldName)!.Value;
            if (renamedFrom is not null)
            {
                changes.Add(Record(new SpecChange(ChangeKind.PropertyRenamed, direction, subject)
                {
                    NewPointer = schema.Pointer,
                    OldPointer = oldSchema.Pointer,
                    Before = oldName,
                    After = name,
                    Required = newView.Required.ContainsKey(name),
                }));
            }

            var wasRequired = oldView.Required.TryGetValue(oldName, out var oldRequiredPointer);
            var isRequired = newView.Required.TryGetValue(name, out var newRequiredPointer);
            if (wasRequired != isRequired)
            {
                // Located on the entry of the required list, or on the list it left (the edit a maintainer made).
                changes.Add(Record(new SpecChange(isRequired ? ChangeKind.RequiredAdded : ChangeKind.RequiredRemoved, direction, subject)
                {
                    NewPointer = newRequiredPointer ?? newView.RequiredPointer ?? schema.Pointer,
                    OldPointer = oldRequiredPointer ?? oldSchema.Pointer,
                }, schema.Pointer));
            }

            _trail.Push(schema.Pointer);
            changes.AddRange(CompareSchema(oldSchema.Node, oldSchema.Pointer, schema.Node, schema.Pointer, direction));
            _trail.Pop();
        }

        foreach (var name in removed.Where(r => renames.All(x => x.Old != r)))
        {
            var oldSchema = oldView.Property(name)!.Value;
            changes.Add(Record(new SpecChange(ChangeKind.PropertyRemoved, direction, Pointers.Describe(oldSchema.Pointer, _old.Json))
            {
                NewPointer = propertiesPointer,
                OldPointer = oldSchema.Pointer,
                Before = name,
            }));
        }
    }

    /// <summary>
    /// Pairs removed and added properties of one object whose schemas are alike (same type, format, enum and
    /// <c>$ref</c> target); a pair counts as a rename only when neither side has another candidate, and, when the
    /// object lost or gained more than one property, only when the descriptions match too.
    /// </summary>
    private List<(string Old, string New)> FindRenames(SchemaView oldView, SchemaView newView, List<string> removed, List<string> added)
    {
        var result = new List<(string, string)>();
        if (removed.Count == 0 || added.Count == 0)
        {
            return result;
        }

        var strict = removed.Count > 1 || added.Count > 1;
        string Signature(SpecFile spec, Located schema)
        {
            var reference = schema.Node is JsonObject o && o["$ref"] is JsonValue r ? r.ToString() : null;
            var view = SchemaView.Build(spec, schema.Node, schema.Pointer);
            var items = view.Items is { } i ? SchemaView.Build(spec, i.Node, i.Pointer).Shape + "|" + ((i.Node as JsonObject)?["$ref"]?.ToString() ?? string.Empty) : string.Empty;
            var enumValues = view.Enum is null ? string.Empty : string.Join(",", view.Enum.Select(v => v?.ToJsonString()));
            return $"{reference}|{view.Shape}|{enumValues}|{items}|{view.Nullable}" + (strict ? "|" + view.Description : string.Empty);
        }

        var oldSignatures = removed.ToDictionary(n => n, n => Signature(_old, oldView.Property(n)!.Value), StringComparer.Ordinal);
        var newSignatures = added.ToDictionary(n => n, n => Signature(_new, newView.Property(n)!.Value), StringComparer.Ordinal);
        foreach (var (oldName, signature) in oldSignatures)
        {
            var candidates = newSignatures.Where(x => x.Value == signature).Select(x => x.Key).ToList();
            if (candidates.Count == 1 && oldSignatures.Count(x => x.Value == signature) == 1)
            {
                result.Add((oldName, candidates[0]));
            }
        }

        return result;
    }

    private void CompareVariants(List<Located> oldVariants, List<Located> newVariants, string keyword, SchemaView newView, Direction direction, string subject, List<SpecChange> changes)
    {
        if (oldVariants.Count != newVariants.Count && (oldVariants.Count > 0 || newVariants.Count > 0))
        {
            changes.Add(Record(new SpecChange(ChangeKind.TypeChanged, direction, subject)
            {
                NewPointer = newVariants.Count > 0 ? Pointers.Child(newView.Pointer, keyword) : newView.Pointer,
                Before = $"{keyword} of {oldVariants.Count}",
                After = $"{keyword} of {newVariants.Count}",
            }));
        }

        for (var i = 0; i < Math.Min(oldVariants.Count, newVariants.Count); i++)
        {
            changes.AddRange(CompareSchema(oldVariants[i].Node, oldVariants[i].Pointer, newVariants[i].Node, newVariants[i].Pointer, direction));
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
