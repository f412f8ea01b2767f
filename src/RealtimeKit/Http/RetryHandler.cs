using Microsoft.Extensions.Logging;

namespace RealtimeKit.Http;

/// <summary>
/// Sends each attempt with its own timeout and applies <see cref="RetryPolicy"/>. The final response's body is
/// read here, inside that attempt's timeout, with the size limit enforced while reading (<see cref="BufferedBody"/>:
/// <paramref name="maxResponseSize"/> for a success, <see cref="BufferedBody.ErrorBodyLimit"/> for an error);
/// responses that are retried are dropped unread. It replaces Kiota's retry handler rather than stacking on it: one
/// owner of retries. Waits go through the configured <see cref="TimeProvider"/>, so tests never really wait.
/// </summary>
internal sealed partial class RetryHandler(RetryPolicy policy, TimeSpan attemptTimeout, TimeProvider time, ILogger logger, long maxResponseSize = RealtimeKitClientOptions.DefaultMaxResponseSize) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Buffered once, the body can be sent again on every attempt.
        if (request.Content is not null)
        {
            await BufferRequestAsync(request.Content, cancellationToken).ConfigureAwait(false);
        }

        var idempotent = RetrySafety.IsIdempotent(request);
        if (!idempotent && request.Content is null)
        {
            // SocketsHttpHandler resends a request without content on a new connection (up to three times) when a
            // connection closes before any answer; an empty content stops that, so only this policy repeats requests.
            request.Content = new ByteArrayContent([]);
        }

        for (var retriesDone = 0; ; retriesDone++)
        {
#if NET8_0_OR_GREATER
            using var timeout = attemptTimeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(attemptTimeout, time);
#else
            using var timeout = attemptTimeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : time.CreateCancellationTokenSource(attemptTimeout);
#endif
            // A caller's token that can never be cancelled (CancellationToken.None) needs no linking: one source fewer per attempt.
            using var attempt = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token) : null;
            var attemptToken = attempt?.Token ?? timeout.Token;
            RetryDecision decision;
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, attemptToken).ConfigureAwait(false);
                decision = policy.ForResponse(retriesDone, response.StatusCode, response.Headers, idempotent);
                if (!decision.Retry)
                {
                    var limit = response.IsSuccessStatusCode ? maxResponseSize : BufferedBody.ErrorBodyLimit;
                    await BufferedBody.ReplaceContentAsync(response, limit, attemptToken).ConfigureAwait(false);
                    return response;
                }

                response.Dispose();
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                decision = policy.ForTimeout(retriesDone, idempotent);
                if (!decision.Retry)
                {
                    var message = $"{Target(request)} timed out after {attemptTimeout.TotalSeconds:0.###} s on attempt {retriesDone + 1} ({decision.Reason}).";
                    throw new RealtimeKitTimeoutException(message, new TimeoutException(message, e));
                }
            }
            catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                decision = policy.ForConnectionFailure(retriesDone, e, idempotent);
                if (!decision.Retry)
                {
                    throw new RealtimeKitConnectionException($"{Target(request)} failed to reach the service on attempt {retriesDone + 1}: {e.Message} ({decision.Reason}).", e)
                    {
                        RequestNotSent = RetryPolicy.NotSent(e),
                    };
                }
            }
            catch
            {
                response?.Dispose();
                throw;
            }

            LogRetry(logger, Target(request), decision.Reason, decision.Delay.TotalSeconds, retriesDone + 1, policy.MaxRetries);
            await Task.Delay(decision.Delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    // Only formatted on the rare paths that report it, not for every request.
    private static string Target(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.AbsolutePath}";

    // .NET 9 can cancel the read itself; on .NET 8 the wait is abandoned and disposing the request ends the read.
    private static Task BufferRequestAsync(HttpContent content, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        content.LoadIntoBufferAsync(cancellationToken);
#else
        content.LoadIntoBufferAsync().WaitAsync(cancellationToken);
#endif

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Retrying {Target} after {Reason} in {DelaySeconds:0.###} s (retry {Retry} of {MaxRetries})")]
    private static partial void LogRetry(ILogger logger, string target, string reason, double delaySeconds, int retry, int maxRetries);
}
