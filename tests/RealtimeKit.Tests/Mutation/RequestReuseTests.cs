using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RealtimeKit.Http;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// The URL the SDK gives a request for sending is taken away once it is sent (whatever the outcome), so a request
/// object sent again with other path parameters goes to its new URL, as it would through Kiota alone.
/// </summary>
public sealed class RequestReuseTests : IDisposable
{
    private readonly List<Uri> _sent = [];
    private readonly HttpClient _http;
    private readonly SdkRequestAdapter _adapter;

    public RequestReuseTests()
    {
        _http = new HttpClient(new Recorder(_sent));
        _adapter = new SdkRequestAdapter(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: _http) { BaseUrl = "https://api.test/client/v4" });
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_request_sent_again_with_other_path_parameters_goes_to_its_new_url()
    {
        var request = new RequestInformation { HttpMethod = Method.DELETE, UrlTemplate = "{+baseurl}/meetings/{meeting_id}" };
        request.PathParameters["meeting_id"] = "first";

        await _adapter.SendNoContentAsync(request);
        request.PathParameters["meeting_id"] = "second";
        await _adapter.SendAsync(request, Generated.Models.Meeting.CreateFromDiscriminatorValue);
        request.PathParameters["meeting_id"] = "third";
        await _adapter.SendNoContentAsync(request);

        Assert.Equal(["first", "second", "third"], _sent.Select(u => u.ToString().Replace("https://api.test/client/v4/meetings/", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_null_request_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _adapter.SendNoContentAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _adapter.SendAsync(null!, Generated.Models.Meeting.CreateFromDiscriminatorValue));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _adapter.SendCollectionAsync(null!, Generated.Models.Meeting.CreateFromDiscriminatorValue));
        Assert.Empty(_sent);
    }

    private sealed class Recorder(List<Uri> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
