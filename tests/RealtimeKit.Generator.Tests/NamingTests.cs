using RealtimeKit.Generator.Naming;

namespace RealtimeKit.Generator.Tests;

/// <summary>Each naming rule of kiota-shape.md, pinned.</summary>
public class NamingTests
{
    [Theory]
    [InlineData("active-session", "ActiveSession")]
    [InlineData("kick-all", "KickAll")]
    [InlineData("realtime", "Realtime")]
    [InlineData("line.items", "LineItems")]
    [InlineData("$value", "Value")]
    [InlineData("with space", "WithSpace")]
    [InlineData("snake_case", "Snake_case")]
    [InlineData("2fa", "_2fa")]
    public void Symbols_are_removed_and_the_next_letter_upper_cased_underscores_kept(string segment, string expected)
    {
        Assert.Equal(expected, KiotaNames.CleanSymbols(segment));
    }

    [Theory]
    [InlineData("active-session", "ActiveSessionRequestBuilder")]
    [InlineData("kick-all", "KickAllRequestBuilder")]
    [InlineData("{account_id}", "WithAccount_ItemRequestBuilder")]
    [InlineData("{app_id}", "WithApp_ItemRequestBuilder")]
    [InlineData("{meeting_id}", "WithMeeting_ItemRequestBuilder")]
    [InlineData("{participant_id}", "WithParticipant_ItemRequestBuilder")]
    [InlineData("{meetingId}", "WithMeetingItemRequestBuilder")]
    [InlineData("{user-id}", "UserItemRequestBuilder")]
    [InlineData("{id}", "ItemRequestBuilder")]
    [InlineData("{name}", "WithNameItemRequestBuilder")]
    public void Builder_class_names_follow_the_segment(string segment, string expected)
    {
        Assert.Equal(expected, KiotaNames.BuilderClassName(segment));
    }

    [Theory]
    [InlineData("active-session", "ActiveSession")]
    [InlineData("{meeting_id}", "Item")]
    public void Each_segment_is_a_namespace_and_parameters_are_Item(string segment, string expected)
    {
        Assert.Equal(expected, KiotaNames.NamespaceSegment(segment));
    }

    [Theory]
    [InlineData("delete", "DeletePath")]
    [InlineData("get", "GetPath")]
    [InlineData("post", "PostPath")]
    [InlineData("kick", "Kick")]
    [InlineData("deleted", "Deleted")]
    public void Navigation_properties_named_like_http_verbs_get_a_Path_suffix(string segment, string expected)
    {
        Assert.Equal(expected, KiotaNames.NavigationPropertyName(segment));
    }

    [Theory]
    [InlineData("kick", "POST", "KickPostRequestBody", "KickPostResponse")]
    [InlineData("{participant_id}", "DELETE", "WithParticipant_DeleteRequestBody", "WithParticipant_DeleteResponse")]
    [InlineData("{id}", "GET", "ItemGetRequestBody", "ItemGetResponse")]
    [InlineData("line-items", "GET", "LineItemsGetRequestBody", "LineItemsGetResponse")]
    public void Inline_bodies_and_responses_are_named_after_segment_and_verb(string segment, string method, string body, string response)
    {
        Assert.Equal(body, KiotaNames.InlineRequestBodyName(segment, method));
        Assert.Equal(response, KiotaNames.InlineResponseName(segment, method));
    }

    [Theory]
    [InlineData("kick", "404", "Kick404Error")]
    [InlineData("line-items", "4XX", "LineItems4XXError")]
    public void Inline_error_responses_are_named_after_segment_and_status(string segment, string status, string expected)
    {
        Assert.Equal(expected, KiotaNames.InlineErrorName(segment, status));
    }

    [Theory]
    [InlineData("RealtimeKitError", "error", "RealtimeKitError_error")]
    [InlineData("LineItemsGetResponse", "items", "LineItemsGetResponse_items")]
    [InlineData("X", "sku-code", "X_skuCode")]
    public void Inline_property_types_are_parent_underscore_wire_name(string parent, string wire, string expected)
    {
        Assert.Equal(expected, KiotaNames.InlinePropertyTypeName(parent, wire));
    }

    [Theory]
    [InlineData("live_participants", "LiveParticipants")]
    [InlineData("max_concurrent_participants", "MaxConcurrentParticipants")]
    [InlineData("id", "Id")]
    [InlineData("sku-code", "SkuCode")]
    [InlineData("@odata.type", "OdataType")]
    [InlineData("camelCase", "CamelCase")]
    public void Properties_are_PascalCase_of_the_wire_name(string wire, string expected)
    {
        Assert.Equal(expected, KiotaNames.PropertyName(wire));
    }

    [Theory]
    [InlineData("message", "Problem", true, "MessageEscaped")]
    [InlineData("message", "Problem", false, "Message")]
    [InlineData("Data", "Problem", true, "DataEscaped")]
    [InlineData("poll", "Poll", false, "PollProp")]
    [InlineData("additional_data", "X", false, "AdditionalDataEscaped")]
    [InlineData("serialize", "X", false, "SerializeEscaped")]
    public void Model_properties_never_hide_inherited_members_or_equal_their_class(string wire, string className, bool isError, string expected)
    {
        Assert.Equal(expected, KiotaNames.ModelPropertyName(wire, className, isError));
    }

    [Theory]
    [InlineData("GET", "state", "GetStateQueryParameterType")]
    [InlineData("GET", "$orderby", "GetOrderbyQueryParameterType")]
    public void Inline_query_parameter_enums_are_named_after_verb_and_parameter(string method, string parameter, string expected)
    {
        Assert.Equal(expected, KiotaNames.QueryParameterEnumName(method, parameter));
    }

    [Theory]
    [InlineData("LIVE", "LIVE")]
    [InlineData("meeting", "Meeting")]
    [InlineData("in-progress", "InProgress")]
    [InlineData("guinea-pig", "GuineaPig")]
    public void Enum_members_are_cleaned_wire_values(string value, string expected)
    {
        Assert.Equal(expected, KiotaNames.EnumMemberName(value));
    }

    [Theory]
    [InlineData("meeting_id", "meeting_id")]
    [InlineData("per-page", "per%2Dpage")]
    [InlineData("a.b", "a%2Eb")]
    public void Url_template_parameter_names_are_percent_encoded_except_word_characters(string name, string expected)
    {
        Assert.Equal(expected, KiotaNames.UrlTemplateParameter(name));
    }

    [Theory]
    [InlineData("ActiveSession", new string[0], "ActiveSession")]
    [InlineData("microsoft.graph.user", new[] { "Microsoft", "Graph" }, "User")]
    public void Component_names_keep_their_cleaned_name_and_dots_make_namespaces(string id, string[] namespaces, string className)
    {
        var (parts, name) = KiotaNames.ComponentName(id);

        Assert.Equal(namespaces, parts);
        Assert.Equal(className, name);
    }
}
