using Microsoft.OpenApi;
using RealtimeKit.Generator.Diagnostics;
using RealtimeKit.Generator.Loading;
using RealtimeKit.Generator.Naming;

namespace RealtimeKit.Generator.CodeModel;

/// <summary>
/// Stage two of the generator: turns a loaded spec into the code model (request builders, operations,
/// models, enums) with every name decided. Reports every problem it finds, then throws them together.
/// </summary>
public sealed class CodeModelBuilder
{
    private static readonly string[] SuccessCodes = ["200", "201", "202", "203", "206", "2XX"];

    private readonly LoadedSpec _spec;
    private readonly string _rootNamespace;
    private readonly string _clientClassName;
    private readonly List<SpecDiagnostic> _diagnostics = [];
    private readonly SchemaTypeResolver _types;
    private readonly HashSet<string> _errorModels = new(StringComparer.Ordinal);

    private CodeModelBuilder(LoadedSpec spec, string rootNamespace, string clientClassName)
    {
        _spec = spec;
        _rootNamespace = rootNamespace;
        _clientClassName = clientClassName;
        _types = new SchemaTypeResolver(spec, rootNamespace, _diagnostics);
    }

    /// <summary>Builds the code model, or throws <see cref="SpecException"/> with every problem found.</summary>
    public static ClientModel Build(LoadedSpec spec, string rootNamespace, string clientClassName)
    {
        var builder = new CodeModelBuilder(spec, rootNamespace, clientClassName);
        var model = builder.BuildModel();
        if (builder._diagnostics.Count > 0)
        {
            throw new SpecException(builder._diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
        }

        return model;
    }

    private ClientModel BuildModel()
    {
        var root = new PathNode(string.Empty, null);
        foreach (var (path, _) in _spec.Json["paths"]?.AsObject() ?? [])
        {
            AddPath(root, path);
        }

        var builders = new List<RequestBuilderModel>();
        var client = BuildNode(root, _rootNamespace, _clientClassName, "{+baseurl}", builders, "/");
        var models = _types.Models.Values.Select(Finish).OrderBy(m => m.FullName, StringComparer.Ordinal).ToList();
        var enums = _types.Enums.OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var baseUrl = _spec.Document.Servers?.FirstOrDefault()?.Url?.TrimEnd('/');
        return new ClientModel(_rootNamespace, client, baseUrl, builders.OrderBy(b => b.FullName, StringComparer.Ordinal).ToList(), models, enums);
    }

    private void AddPath(PathNode root, string path)
    {
        var pointer = "/paths/" + SourceMap.Escape(path);
        var node = root;
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.Contains('{', StringComparison.Ordinal) && !KiotaNames.IsParameterSegment(segment))
            {
                Report(pointer, DiagnosticCodes.UnsupportedPath, $"The segment '{segment}' mixes text and parameters; only whole-segment parameters ('{{name}}') are supported.");
                return;
            }

            if (KiotaNames.IsParameterSegment(segment) && node.Children.Values.FirstOrDefault(c => c.IsParameter && c.Segment != segment) is { } sibling)
            {
                Report(pointer, DiagnosticCodes.UnsupportedPath, $"The segment '{segment}' and '{sibling.Segment}' are different parameters at the same place; use one name.");
                return;
            }

            if (!node.Children.TryGetValue(segment, out var child))
            {
                child = new PathNode(segment, node);
                node.Children.Add(segment, child);
            }

            node = child;
        }

        if (node.Path is { } other)
        {
            Report(pointer, DiagnosticCodes.UnsupportedPath, $"The paths '{other}' and '{path}' lead to the same request builder; merge them.");
            return;
        }

        node.Path = path;
    }

    private RequestBuilderModel BuildNode(PathNode node, string ns, string className, string template, List<RequestBuilderModel> all, string displayPath)
    {
        var navigations = new List<NavigationModel>();
        IndexerModel? indexer = null;
        foreach (var child in node.Children.Values.OrderBy(c => c.Segment, StringComparer.Ordinal))
        {
            var childNs = ns + "." + KiotaNames.NamespaceSegment(child.Segment);
            var childClass = KiotaNames.BuilderClassName(child.Segment);
            var childTemplate = template + "/" + (child.IsParameter ? "{" + KiotaNames.UrlTemplateParameter(KiotaNames.ParameterName(child.Segment)) + "}" : child.Segment);
            var childDisplay = displayPath.TrimEnd('/') + "/" + child.Segment;
            var builder = BuildNode(child, childNs, childClass, childTemplate, all, childDisplay);
            all.Add(builder);
            if (child.IsParameter)
            {
                var (type, parameterDescription) = IndexerParameter(child);
                indexer = new IndexerModel(KiotaNames.ParameterName(child.Segment), type, builder.FullName, parameterDescription);
            }
            else
            {
                var property = KiotaNames.NavigationPropertyName(child.Segment);
                if (navigations.Any(n => n.PropertyName == property))
                {
                    Report("/paths", DiagnosticCodes.NameCollision, $"Two path segments under '{displayPath}' both become the navigation property '{property}'.");
                    continue;
                }

                navigations.Add(new NavigationModel(property, builder.FullName, $"Requests under `{childDisplay}`."));
            }
        }

        var operations = new List<OperationModel>();
        var pathItem = node.Path is null ? null : _spec.Document.Paths[node.Path];
        var query = new List<QueryParameterModel>();
        if (node.Parent is null && pathItem?.Operations is { Count: > 0 })
        {
            Report("/paths/~1", DiagnosticCodes.UnsupportedPath, "Operations on the root path '/' are not supported; give them a path segment.");
        }
        else if (pathItem?.Operations is { } ops)
        {
            foreach (var (method, operation) in ops.OrderBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                var built = BuildOperation(node, ns, className, pathItem, method.Method.ToUpperInvariant(), operation);
                if (built is not null)
                {
                    operations.Add(built);
                    query.AddRange(built.QueryParameters);
                }
            }
        }

        var queryNames = query.Select(q => q.WireName).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
        var fullTemplate = queryNames.Count == 0 ? template : template + "{?" + string.Join(',', queryNames.Select(n => KiotaNames.UrlTemplateParameter(n) + (query.First(q => q.WireName == n).Type.IsCollection ? "*" : string.Empty))) + "}";
        var description = Describe(pathItem?.Summary, pathItem?.Description) ?? (node.Parent is null ? "The root of the API client." : $"Builds and sends requests to `{displayPath}`.");
        return new RequestBuilderModel(ns, className, fullTemplate, description, navigations, indexer, operations);
    }

    private (string Type, string Description) IndexerParameter(PathNode node)
    {
        // As Kiota: the first path below this segment (in document order) that declares the parameter decides its type.
        var name = KiotaNames.ParameterName(node.Segment);
        foreach (var path in node.PathsBelow())
        {
            var item = _spec.Document.Paths[path];
            var parameter = (item.Parameters ?? []).Concat(item.Operations?.Values.SelectMany(o => o.Parameters ?? []) ?? [])
                .FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
            if (parameter?.Schema is { } schema)
            {
                var type = SchemaTypeResolver.SingleType(schema.Type) switch
                {
                    JsonSchemaType.Integer => schema.Format == "int64" ? "long" : "int",
                    JsonSchemaType.String when schema.Format == "uuid" => "Guid",
                    _ => "string",
                };
                var description = Describe(null, parameter.Description) ?? $"The {name} path parameter.";
                return (type, description);
            }
        }

        return ("string", $"The {name} path parameter.");
    }

    private OperationModel? BuildOperation(PathNode node, string ns, string builderClass, IOpenApiPathItem pathItem, string method, OpenApiOperation operation)
    {
        var pointer = $"/paths/{SourceMap.Escape(node.Path!)}/{method.ToLowerInvariant()}";
        var stem = KiotaNames.MethodStem(method);
        var ok = true;

        var query = new List<QueryParameterModel>();
        var parameters = (pathItem.Parameters ?? []).Where(p => !(operation.Parameters ?? []).Any(o => o.Name == p.Name && o.In == p.In)).Concat(operation.Parameters ?? []);
        var index = 0;
        foreach (var parameter in parameters)
        {
            var parameterPointer = pointer + "/parameters/" + index++;
            switch (parameter.In)
            {
                case ParameterLocation.Path:
                    if (!node.Path!.Contains("{" + parameter.Name + "}", StringComparison.Ordinal))
                    {
                        ok = Fail(parameterPointer, DiagnosticCodes.UnsupportedParameter, $"The path parameter '{parameter.Name}' does not appear in the path '{node.Path}'.");
                    }

                    break;
                case ParameterLocation.Query:
                    var type = parameter.Schema is null ? null : _types.Resolve(parameter.Schema, parameterPointer + "/schema", ns, KiotaNames.QueryParameterEnumName(method, parameter.Name!));
                    if (type is null || type.Kind is TypeKind.Model or TypeKind.Untyped)
                    {
                        ok = Fail(parameterPointer, DiagnosticCodes.UnsupportedParameter, $"The query parameter '{parameter.Name}' must be a primitive, an enum or an array of them.");
                        break;
                    }

                    query.Add(new QueryParameterModel(KiotaNames.PropertyName(parameter.Name!), parameter.Name!, type, Describe(null, parameter.Description) ?? $"The {parameter.Name} query parameter."));
                    break;
                default:
                    ok = Fail(parameterPointer, DiagnosticCodes.UnsupportedParameter, $"Parameters in '{parameter.In?.ToString().ToLowerInvariant()}' (here '{parameter.Name}') are not supported; only path and query parameters are.");
                    break;
            }
        }

        TypeRef? body = null;
        if (operation.RequestBody is { } requestBody)
        {
            var bodyPointer = pointer + "/requestBody";
            var schema = JsonSchemaOf(requestBody.Content, bodyPointer, out var bodyOk);
            ok &= bodyOk;
            if (schema is not null)
            {
                body = _types.Resolve(schema, bodyPointer + "/content/application~1json/schema", ns, KiotaNames.InlineRequestBodyName(node.Segment, method));
                if (body is null)
                {
                    ok = false;
                }
                else if (body.Kind != TypeKind.Model)
                {
                    ok = Fail(bodyPointer, DiagnosticCodes.UnsupportedSchema, "A request body must be an object (or an array of objects).");
                }
            }
        }

        var (returnKind, returnType, acceptJson, returnOk) = SuccessResponse(node, ns, method, operation, pointer);
        ok &= returnOk;
        var errors = ErrorMappings(node, ns, operation, pointer, ref ok);
        if (!ok)
        {
            return null;
        }

        var summary = Describe(operation.Summary, null) ?? Describe(null, operation.Description) ?? $"Sends a {method} request to `{node.Path}`.";
        var description = string.IsNullOrWhiteSpace(operation.Summary) ? string.Empty : Describe(null, operation.Description) ?? string.Empty;
        return new OperationModel(method, stem, summary, description == summary ? string.Empty : description, body?.Element, body?.IsCollection ?? false,
            returnKind, returnType, acceptJson, errors, query.OrderBy(q => q.PropertyName, StringComparer.Ordinal).ToList(), builderClass + stem + "QueryParameters");
    }

    private (ReturnKind Kind, TypeRef? Type, bool AcceptJson, bool Ok) SuccessResponse(PathNode node, string ns, string method, OpenApiOperation operation, string pointer)
    {
        var responses = operation.Responses ?? [];
        foreach (var code in SuccessCodes)
        {
            if (!responses.TryGetValue(code, out var response) || response.Content is not { Count: > 0 } content)
            {
                continue;
            }

            var responsePointer = $"{pointer}/responses/{code}";
            var schema = JsonSchemaOf(content, responsePointer, out var ok);
            if (!ok)
            {
                return (ReturnKind.NoContent, null, false, false);
            }

            if (schema is null)
            {
                return (ReturnKind.Stream, new TypeRef(TypeKind.Stream, "Stream"), false, true);
            }

            var type = _types.Resolve(schema, responsePointer + "/content/application~1json/schema", ns, KiotaNames.InlineResponseName(node.Segment, method));
            if (type is null)
            {
                return (ReturnKind.NoContent, null, false, false);
            }

            var kind = type switch
            {
                { Kind: TypeKind.Model, IsCollection: true } => ReturnKind.ObjectCollection,
                { Kind: TypeKind.Model or TypeKind.Untyped } => ReturnKind.Object,
                { IsCollection: true } => ReturnKind.PrimitiveCollection,
                _ => ReturnKind.Primitive,
            };
            return (kind, type, true, true);
        }

        return (ReturnKind.NoContent, null, false, true);
    }

    private List<KeyValuePair<string, string>> ErrorMappings(PathNode node, string ns, OpenApiOperation operation, string pointer, ref bool ok)
    {
        var mappings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? fallback = null;
        foreach (var (code, response) in operation.Responses ?? [])
        {
            var isDefault = code == "default";
            if (!isDefault && !(code.Length == 3 && code[0] is '4' or '5'))
            {
                continue;
            }

            if (response.Content is not { Count: > 0 } content)
            {
                continue;
            }

            var responsePointer = $"{pointer}/responses/{code}";
            var schema = JsonSchemaOf(content, responsePointer, out var contentOk);
            ok &= contentOk;
            if (schema is null)
            {
                continue;
            }

            var type = _types.Resolve(schema, responsePointer + "/content/application~1json/schema", ns, KiotaNames.InlineErrorName(node.Segment, isDefault ? "XXX" : code));
            if (type is null)
            {
                ok = false;
                continue;
            }

            if (type.Kind != TypeKind.Model || type.IsCollection)
            {
                continue; // Kiota maps only object error bodies; others surface as ApiException.
            }

            _errorModels.Add(type.Name);
            if (isDefault)
            {
                fallback = type.Name;
            }
            else
            {
                mappings[code.ToUpperInvariant()] = type.Name;
            }
        }

        if (fallback is not null)
        {
            mappings.TryAdd("4XX", fallback);
            mappings.TryAdd("5XX", fallback);
        }

        if (mappings.TryGetValue("4XX", out var four) && mappings.TryGetValue("5XX", out var five) && four == five)
        {
            mappings.Remove("4XX");
            mappings.Remove("5XX");
            mappings["XXX"] = four;
        }

        return mappings.ToList();
    }

    private IOpenApiSchema? JsonSchemaOf(IDictionary<string, IOpenApiMediaType>? content, string pointer, out bool ok)
    {
        ok = true;
        if (content is null || content.Count == 0)
        {
            return null;
        }

        var json = content.FirstOrDefault(c => IsJson(c.Key));
        if (json.Key is null)
        {
            ok = Fail(pointer + "/content", DiagnosticCodes.UnsupportedMediaType, $"Only JSON content is supported; found '{string.Join("', '", content.Keys)}'.");
            return null;
        }

        return json.Value.Schema;
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private ModelClass Finish(ModelDraft draft)
    {
        var isError = _errorModels.Contains(draft.FullName);
        var properties = new List<PropertyModel>();
        foreach (var p in draft.Properties)
        {
            var name = KiotaNames.ModelPropertyName(p.WireName, draft.Name, isError);
            if (properties.FirstOrDefault(q => q.Name == name) is { } clash)
            {
                Report(p.Pointer, DiagnosticCodes.NameCollision, $"The properties '{clash.WireName}' and '{p.WireName}' of {draft.Name} both become the C# property '{name}'.");
                continue;
            }

            properties.Add(new PropertyModel(name, p.WireName, p.Type, p.Description));
        }

        properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new ModelClass(draft.Namespace, draft.Name, draft.Description, draft.BaseFullName, isError, properties, isError ? MessagePath(properties) : []);
    }

    // Where an error's human-readable message lives: a top-level "message", else "message" one object down (RealtimeKit's error.message).
    private List<string> MessagePath(List<PropertyModel> properties)
    {
        if (properties.FirstOrDefault(p => p.WireName == "message" && IsString(p.Type)) is { } direct)
        {
            return [direct.Name];
        }

        foreach (var p in properties.Where(p => p.Type is { Kind: TypeKind.Model, IsCollection: false }))
        {
            if (_types.Models.TryGetValue(p.Type.Name, out var nested) && nested.Properties.FirstOrDefault(n => n.WireName == "message" && IsString(n.Type)) is { } inner)
            {
                return [p.Name, KiotaNames.ModelPropertyName(inner.WireName, nested.Name, _errorModels.Contains(nested.FullName))];
            }
        }

        return [];
    }

    private static bool IsString(TypeRef type) => type is { Kind: TypeKind.Primitive, Name: "string", IsCollection: false };

    private static string? Describe(string? summary, string? description) =>
        !string.IsNullOrWhiteSpace(summary) ? summary.Trim() : !string.IsNullOrWhiteSpace(description) ? description.Trim() : null;

    private bool Fail(string pointer, string code, string message)
    {
        Report(pointer, code, message);
        return false;
    }

    private void Report(string pointer, string code, string message) => _diagnostics.Add(_spec.At(pointer, code, message));

    private sealed class PathNode(string segment, PathNode? parent)
    {
        public string Segment { get; } = segment;

        public PathNode? Parent { get; } = parent;

        public bool IsParameter => KiotaNames.IsParameterSegment(Segment);

        public Dictionary<string, PathNode> Children { get; } = new(StringComparer.Ordinal);

        public string? Path { get; set; }

        // Document order: children keep insertion order, which follows the spec's path order.
        public IEnumerable<string> PathsBelow()
        {
            if (Path is not null)
            {
                yield return Path;
            }

            foreach (var child in Children.Values)
            {
                foreach (var path in child.PathsBelow())
                {
                    yield return path;
                }
            }
        }
    }
}
