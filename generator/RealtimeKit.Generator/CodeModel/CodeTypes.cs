namespace RealtimeKit.Generator.CodeModel;

// The code model: a plain tree of what the writer emits. Every name in it is final; the writer decides nothing.

/// <summary>The whole generated client.</summary>
/// <param name="RootNamespace">Namespace of the root client, e.g. <c>RealtimeKit.Generated</c>.</param>
/// <param name="Client">The root client (a request builder with the <c>{+baseurl}</c> template).</param>
/// <param name="BaseUrl">The first server URL of the spec, or <c>null</c>.</param>
/// <param name="Builders">Every request builder below the root.</param>
/// <param name="Models">Every model class.</param>
/// <param name="Enums">Every enum.</param>
public sealed record ClientModel(
    string RootNamespace,
    RequestBuilderModel Client,
    string? BaseUrl,
    IReadOnlyList<RequestBuilderModel> Builders,
    IReadOnlyList<ModelClass> Models,
    IReadOnlyList<EnumModel> Enums);

/// <summary>A reference to a C# type as generated code writes it.</summary>
/// <param name="Kind">What kind of type it is.</param>
/// <param name="Name">The C# keyword (<c>string</c>) or the full name of a generated type.</param>
/// <param name="IsCollection">Whether it is a <c>List&lt;T&gt;</c> of the type.</param>
public sealed record TypeRef(TypeKind Kind, string Name, bool IsCollection = false)
{
    /// <summary>The type as written in a signature: <c>global::</c>-qualified for generated types.</summary>
    public string ElementSource => Kind is TypeKind.Model or TypeKind.Enum ? "global::" + Name : Name;

    /// <summary>The nullable property/return type (<c>List&lt;T&gt;?</c> for collections; Kiota reads enum lists as <c>List&lt;T?&gt;</c>).</summary>
    public string NullableSource => IsCollection ? $"List<{CollectionElementSource}>?" : ElementSource + "?";

    /// <summary>The element type inside a collection.</summary>
    public string CollectionElementSource => Kind == TypeKind.Enum ? ElementSource + "?" : ElementSource;

    /// <summary>Kiota's free-form JSON value.</summary>
    public static TypeRef Untyped { get; } = new(TypeKind.Untyped, "global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode");

    /// <summary>The same type as a single element.</summary>
    public TypeRef Element => this with { IsCollection = false };
}

/// <summary>The kinds of type a property, body or response can have.</summary>
public enum TypeKind
{
    /// <summary>A C# primitive such as <c>string</c>, <c>double</c>, <c>Guid</c>.</summary>
    Primitive,

    /// <summary>A generated model class.</summary>
    Model,

    /// <summary>A generated enum.</summary>
    Enum,

    /// <summary>A free-form JSON value: Kiota's <c>UntypedNode</c>.</summary>
    Untyped,

    /// <summary>A raw response stream.</summary>
    Stream,
}

/// <summary>A request builder: one URL path segment.</summary>
/// <param name="Namespace">Full namespace.</param>
/// <param name="ClassName">Class name, e.g. <c>KickRequestBuilder</c>.</param>
/// <param name="UrlTemplate">The RFC 6570 template passed to the base class.</param>
/// <param name="Description">Doc comment text.</param>
/// <param name="Navigations">Properties leading to child builders of literal segments.</param>
/// <param name="Indexer">The indexer to a child builder of a parameter segment, if any.</param>
/// <param name="Operations">The operations on this path.</param>
public sealed record RequestBuilderModel(
    string Namespace,
    string ClassName,
    string UrlTemplate,
    string Description,
    IReadOnlyList<NavigationModel> Navigations,
    IndexerModel? Indexer,
    IReadOnlyList<OperationModel> Operations)
{
    /// <summary>Full name without <c>global::</c>.</summary>
    public string FullName => Namespace + "." + ClassName;
}

/// <summary>A navigation property to a child request builder.</summary>
/// <param name="PropertyName">The property name, e.g. <c>ActiveSession</c> or <c>DeletePath</c>.</param>
/// <param name="TargetFullName">Full name of the builder it returns.</param>
/// <param name="Description">Doc comment text.</param>
public sealed record NavigationModel(string PropertyName, string TargetFullName, string Description);

/// <summary>An indexer <c>this[T position]</c> to the builder of a path parameter segment.</summary>
/// <param name="ParameterKey">The path parameter key (the template name, e.g. <c>meeting_id</c>).</param>
/// <param name="ParameterType">The C# type of the position (<c>string</c>, <c>Guid</c>, <c>int</c>...).</param>
/// <param name="TargetFullName">Full name of the builder it returns.</param>
/// <param name="Description">Doc comment text for the position.</param>
public sealed record IndexerModel(string ParameterKey, string ParameterType, string TargetFullName, string Description);

/// <summary>How an operation's successful response is returned.</summary>
public enum ReturnKind
{
    /// <summary><c>Task</c>: no content.</summary>
    NoContent,

    /// <summary><c>Task&lt;T?&gt;</c> via <c>SendAsync</c>.</summary>
    Object,

    /// <summary><c>Task&lt;List&lt;T&gt;?&gt;</c> via <c>SendCollectionAsync</c>.</summary>
    ObjectCollection,

    /// <summary><c>Task&lt;T?&gt;</c> via <c>SendPrimitiveAsync</c>.</summary>
    Primitive,

    /// <summary><c>Task&lt;List&lt;T&gt;?&gt;</c> via <c>SendPrimitiveCollectionAsync</c>.</summary>
    PrimitiveCollection,

    /// <summary><c>Task&lt;Stream?&gt;</c>: content with no schema.</summary>
    Stream,
}

/// <summary>One HTTP operation of a request builder.</summary>
/// <param name="HttpMethod">Upper-case method as in <c>Method.POST</c>.</param>
/// <param name="MethodName">PascalCase method stem, e.g. <c>Post</c>.</param>
/// <param name="Summary">Doc comment summary.</param>
/// <param name="Description">Doc comment remarks (may be empty).</param>
/// <param name="Body">The JSON request body type, if any.</param>
/// <param name="BodyIsCollection">Whether the body is an array.</param>
/// <param name="ReturnKind">How the response is returned.</param>
/// <param name="ReturnType">The response type, unless <see cref="ReturnKind.NoContent"/>.</param>
/// <param name="AcceptJson">Whether to send <c>Accept: application/json</c>.</param>
/// <param name="ErrorMappings">Error status key (<c>"404"</c>, <c>"4XX"</c>, <c>"XXX"</c>) to error model full name.</param>
/// <param name="QueryParameters">Query parameters, if any.</param>
/// <param name="QueryParametersClassName">Nested class holding the query parameters.</param>
public sealed record OperationModel(
    string HttpMethod,
    string MethodName,
    string Summary,
    string Description,
    TypeRef? Body,
    bool BodyIsCollection,
    ReturnKind ReturnKind,
    TypeRef? ReturnType,
    bool AcceptJson,
    IReadOnlyList<KeyValuePair<string, string>> ErrorMappings,
    IReadOnlyList<QueryParameterModel> QueryParameters,
    string QueryParametersClassName);

/// <summary>A query parameter as a property of the nested query parameters class.</summary>
/// <param name="PropertyName">C# property name.</param>
/// <param name="WireName">Name on the wire.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">Doc comment text.</param>
public sealed record QueryParameterModel(string PropertyName, string WireName, TypeRef Type, string Description);

/// <summary>A model class (component or inline schema).</summary>
/// <param name="Namespace">Full namespace.</param>
/// <param name="Name">Class name.</param>
/// <param name="Description">Doc comment text.</param>
/// <param name="BaseFullName">Full name of the parent model (from <c>allOf</c>), if any.</param>
/// <param name="IsError">Whether it is used as an error response (derives from <c>ApiException</c>).</param>
/// <param name="Properties">Its own properties, in output order.</param>
/// <param name="MessagePath">For errors: the property chain whose string becomes <c>Exception.Message</c>.</param>
public sealed record ModelClass(
    string Namespace,
    string Name,
    string Description,
    string? BaseFullName,
    bool IsError,
    IReadOnlyList<PropertyModel> Properties,
    IReadOnlyList<string> MessagePath)
{
    /// <summary>Full name without <c>global::</c>.</summary>
    public string FullName => Namespace + "." + Name;
}

/// <summary>A property of a model.</summary>
/// <param name="Name">C# name.</param>
/// <param name="WireName">JSON name.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">Doc comment text.</param>
public sealed record PropertyModel(string Name, string WireName, TypeRef Type, string Description);

/// <summary>A string enum.</summary>
/// <param name="Namespace">Full namespace.</param>
/// <param name="Name">Enum name.</param>
/// <param name="Description">Doc comment text.</param>
/// <param name="Members">C# member name and wire value, in spec order.</param>
public sealed record EnumModel(string Namespace, string Name, string Description, IReadOnlyList<KeyValuePair<string, string>> Members)
{
    /// <summary>Full name without <c>global::</c>.</summary>
    public string FullName => Namespace + "." + Name;
}
