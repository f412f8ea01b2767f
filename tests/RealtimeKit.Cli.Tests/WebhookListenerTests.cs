using System.Net;
using System.Security.Cryptography;
using System.Text;
using RealtimeKit.Cli.Demo;
using RealtimeKit.Emulator.Webhooks;

namespace RealtimeKit.Cli.Tests;

/// <summary>The demo's webhook receiver: signed deliveries are accepted, anything else refused, each one recorded in order.</summary>
public sealed class WebhookListenerTests : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _key.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task Deliveries_are_recorded_in_order_with_their_event_and_whether_the_signature_verified()
    {
        await using var listener = WebhookListener.Start(_key.ExportSubjectPublicKeyInfoPem());
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/rtk-webhooks/$", listener.Url.ToString());

        var signed = await PostAsync(listener, """{"event":"meeting.started"}""", sign: true);
        var unsigned = await PostAsync(listener, """{"event":"meeting.ended"}""", sign: false);
        var forged = await PostAsync(listener, """{"event":"meeting.ended"}""", sign: true, tamper: true);
        var noEvent = await PostAsync(listener, """{"kind":"x"}""", sign: true);
        var notJson = await PostAsync(listener, "not json", sign: true);
        var eventNotText = await PostAsync(listener, """{"event":42}""", sign: true);

        Assert.Equal(
            [HttpStatusCode.NoContent, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent],
            new[] { signed, unsigned, forged, noEvent, notJson, eventNotText });
        Assert.Equal(
            [
                new ReceivedEvent("meeting.started", true), new ReceivedEvent("meeting.ended", false), new ReceivedEvent("meeting.ended", false),
                new ReceivedEvent("(no event field)", true), new ReceivedEvent("(not JSON)", true), new ReceivedEvent("(no event field)", true),
            ],
            listener.Events);
    }

    [Fact]
    public async Task After_disposal_nothing_is_listening()
    {
        var listener = WebhookListener.Start(_key.ExportSubjectPublicKeyInfoPem());
        var url = listener.Url;
        await listener.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PostAsync(url, new StringContent("{}")));
    }

    private async Task<HttpStatusCode> PostAsync(WebhookListener listener, string body, bool sign, bool tamper = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, listener.Url) { Content = new ByteArrayContent(bytes) };
        if (sign)
        {
            var signature = _key.SignData(tamper ? [.. bytes, (byte)' '] : bytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.Headers.Add(WebhookSignature.HeaderName, Convert.ToBase64String(signature));
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }
}
