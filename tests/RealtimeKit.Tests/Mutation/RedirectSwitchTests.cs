using RealtimeKit.Http;

namespace RealtimeKit.Tests.Mutation;

/// <summary>
/// The SDK turns off redirect following on the framework handler at the end of a caller's chain of handlers, looking
/// at most 32 handlers deep (a redirect a deeper one follows is still refused after the fact).
/// </summary>
public sealed class RedirectSwitchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(31)]
    public void The_framework_handler_at_the_end_of_a_chain_stops_following_redirects(int delegating)
    {
        var (chain, end) = Chain(delegating);

        Pipeline.DisableRedirects(chain);

        Assert.False(end.AllowAutoRedirect);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(40)]
    public void A_handler_deeper_than_32_is_left_as_it_is(int delegating)
    {
        var (chain, end) = Chain(delegating);

        Pipeline.DisableRedirects(chain);

        Assert.True(end.AllowAutoRedirect);
    }

    [Fact]
    public void No_handler_or_a_chain_without_a_framework_handler_is_left_alone_without_an_error()
    {
        var lone = new PassThrough();

        Assert.Null(Record.Exception(() => Pipeline.DisableRedirects(null)));
        Assert.Null(Record.Exception(() => Pipeline.DisableRedirects(lone)));
        Assert.Null(lone.InnerHandler);
    }

    [Fact]
    public async Task A_framework_handler_already_in_use_is_left_as_it_is_without_an_error()
    {
        // Once a handler has sent a request its settings are frozen; the SDK's 3xx check still refuses what it follows.
        var used = new SocketsHttpHandler();
        using var invoker = new HttpMessageInvoker(used, disposeHandler: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/");
        await Assert.ThrowsAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Null(Record.Exception(() => Pipeline.DisableRedirects(used)));
        Assert.True(used.AllowAutoRedirect);
    }

    private static (HttpMessageHandler Chain, SocketsHttpHandler End) Chain(int delegating)
    {
        var end = new SocketsHttpHandler();
        HttpMessageHandler chain = end;
        for (var i = 0; i < delegating; i++)
        {
            chain = new PassThrough { InnerHandler = chain };
        }

        return (chain, end);
    }

    private sealed class PassThrough : DelegatingHandler;
}
