using System.Net;
using System.Net.Http.Headers;

namespace Lede.Fetch;

/// <summary>The one safe HTTP client of Lede: size and time limits, per-host politeness, the SSRF guard, conditional GET.</summary>
/// <remarks>
/// Refused without a request: schemes other than http and https, URLs with user:password@ (credentials would
/// end up in logs and records, and user@host disguises the host), and unless <see cref="FetchOptions.AllowPrivate"/>
/// any address that <see cref="AddressGuard"/> does not call public, checked when connecting, for every hop.
/// Environment proxies are ignored, so the guard always sees the real destination.
/// Never retries: a transient <see cref="FetchException"/> goes back to the caller, which schedules the next
/// try with <see cref="Backoff"/>. Logs nothing. Thread-safe; make one per process and share it.
/// </remarks>
public sealed class Fetcher : IFetcher, IDisposable
{
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly HostGate _gate;
    private readonly RobotsCache? _robots;

    /// <summary>A fetcher with the given options (defaults when null) on the system clock.</summary>
    public Fetcher(FetchOptions? options = null, TimeProvider? time = null)
        : this(options ?? new FetchOptions(), time ?? TimeProvider.System, guard: null)
    {
    }

    /// <summary>Tests pass their own guard to check a redirect hop into a forbidden address while loopback stays open.</summary>
    internal Fetcher(FetchOptions options, TimeProvider time, ConnectGuard? guard)
    {
        options.Validate();
        _options = options;
        _time = time;
        guard ??= options.AllowPrivate ? ConnectGuard.Open : ConnectGuard.PublicOnly;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = guard.ConnectAsync,
            // A proxy would be the address dialled, and the guard would check the proxy instead of the target.
            UseProxy = false,
            UseCookies = false,
            // Pooled connections are re-dialled now and then, so DNS changes are seen and re-checked.
            PooledConnectionLifetime = options.ConnectionLifetime,
            MaxConnectionsPerServer = options.PerHostConcurrency,
            // A header block past 64 KiB fails the fetch before any body is read (a header flood; the .NET default, said here).
            MaxResponseHeadersLength = 64,
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _gate = new HostGate(options.PerHostConcurrency, options.PerHostDelay, time);
        if (options.ObeyRobots)
        {
            _robots = new RobotsCache((url, ct) => FetchAsync(new FetchRequest(url, FetchKind.Robots), ct), RobotsRules.Token(options.UserAgent), time);
        }
    }

    /// <inheritdoc />
    public async Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            return await FollowAsync(request, deadline, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not FetchException && deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Whatever the deadline interrupted (a connect, a header wait, a body read) surfaces in its own way.
            throw new FetchException(request.Url, FetchFailure.Timeout, $"no complete response within {Seconds(_options.Timeout(request.Kind))}", inner: e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new FetchException(request.Url, FetchFailure.Timeout, $"could not connect within {Seconds(_options.ConnectTimeout)}", inner: e);
        }
        catch (HttpRequestException e) when (Find<AddressBlockedException>(e) is { } blocked)
        {
            throw new FetchException(request.Url, FetchFailure.Blocked, $"refused to connect: {blocked.Message}, and private networks are not allowed", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(request.Url, FetchFailure.Network, Describe(e), inner: e);
        }
        catch (IOException e)
        {
            throw new FetchException(request.Url, FetchFailure.Network, $"the connection broke while reading the body: {e.Message}", inner: e);
        }
        catch (InvalidDataException e)
        {
            throw new FetchException(request.Url, FetchFailure.Network, $"the body could not be decompressed: {e.Message}", inner: e);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private async Task<FetchResponse> FollowAsync(FetchRequest request, CancellationTokenSource deadline, CancellationToken ct)
    {
        var hops = new RedirectTrail(request.Url, _options.MaxRedirects, _options.MaxUrlLength);
        while (true)
        {
            // Asked before taking the host's turn: the robots.txt request needs a turn of its own.
            var crawlDelay = await RobotsCheckAsync(request, hops.Current, ct).ConfigureAwait(false);
            using var lease = await _gate.EnterAsync(hops.Current.IdnHost, crawlDelay, ct).ConfigureAwait(false);
            if (hops.Count == 0)
            {
                // The clock starts once the first request may go: time queued behind the host's other fetches is not the server's fault.
                deadline.CancelAfter(_options.Timeout(request.Kind));
            }

            using var message = CreateMessage(request, hops.Current);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (RedirectTrail.IsRedirect(status))
            {
                hops.Follow(status, response.Headers.Location);
                continue;
            }

            if (status == 304)
            {
                return Respond(request, hops, response, status, []);
            }

            if (status is < 200 or > 299)
            {
                throw StatusFailure(request.Url, response, status);
            }

            var body = await BoundedBody.ReadAsync(response.Content, request.Url, _options.MaxBytes(request.Kind), ct, truncate: request.Kind == FetchKind.Robots)
                .ConfigureAwait(false);
            return Respond(request, hops, response, status, body);
        }
    }

    /// <summary>Throws when the site's robots.txt disallows the page; otherwise its Crawl-delay (capped), or zero.</summary>
    private async Task<TimeSpan> RobotsCheckAsync(FetchRequest request, Uri url, CancellationToken ct)
    {
        if (request.Kind != FetchKind.Page || _robots is null)
        {
            return TimeSpan.Zero;
        }

        var rules = await _robots.RulesForAsync(url, ct).ConfigureAwait(false);
        if (!rules.Allows(url))
        {
            var where = url == request.Url ? "" : $" (redirected to {url})";
            throw new FetchException(request.Url, FetchFailure.Disallowed, $"{url.GetLeftPart(UriPartial.Authority)}/robots.txt disallows this page for crawlers{where}");
        }

        return rules.CrawlDelay is { } delay ? (delay < _options.MaxCrawlDelay ? delay : _options.MaxCrawlDelay) : TimeSpan.Zero;
    }

    private HttpRequestMessage CreateMessage(FetchRequest request, Uri url)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", Accept(request.Kind));
        // Validators go back exactly as the server sent them (some ETags are not strictly valid), unless they
        // could break the header block: they were stored from an untrusted server.
        if (IsSafeHeaderValue(request.ETag))
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (IsSafeHeaderValue(request.LastModified))
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        return message;
    }

    private static bool IsSafeHeaderValue(string? value)
        => !string.IsNullOrWhiteSpace(value) && !value.Any(c => c is '\r' or '\n' or '\0');

    private static FetchResponse Respond(FetchRequest request, RedirectTrail hops, HttpResponseMessage response, int status, byte[] body)
    {
        var etag = First(response.Headers, "ETag");
        var lastModified = First(response.Content.Headers, "Last-Modified");
        if (status == 304)
        {
            // A 304 may omit the validators; the ones we sent are still the current ones then.
            etag ??= request.ETag;
            lastModified ??= request.LastModified;
        }

        return new FetchResponse(
            request.Url,
            hops.Current,
            status,
            body,
            response.Content.Headers.ContentType?.ToString(),
            etag,
            lastModified,
            hops.MovedTo);
    }

    private FetchException StatusFailure(Uri url, HttpResponseMessage response, int status)
    {
        var retryAfter = status is 429 or 503 ? RetryAfter.From(response.Headers.RetryAfter, _time.GetUtcNow()) : null;
        var detail = retryAfter is { } wait ? $"HTTP {status}, retry after {Seconds(wait)}" : $"HTTP {status}";
        if (IsBotChallenge(response, status))
        {
            // Not a broken feed: the site asks for a browser. The editor needs to know that, not "HTTP 403".
            detail += ", a bot-protection challenge (the site serves browsers only; ask it for an exception or use another feed URL)";
        }

        return new FetchException(url, FetchFailure.HttpStatus, detail, status, retryAfter);
    }

    /// <summary>Cloudflare marks its challenge pages with <c>cf-mitigated: challenge</c> on a 403 or 503.</summary>
    private static bool IsBotChallenge(HttpResponseMessage response, int status)
        => status is 403 or 503
            && response.Headers.TryGetValues("cf-mitigated", out var values)
            && values.Any(v => v.Contains("challenge", StringComparison.OrdinalIgnoreCase));

    private static string Accept(FetchKind kind) => kind switch
    {
        FetchKind.Feed => "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
        FetchKind.Page => "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
        FetchKind.Image => "image/avif, image/webp, image/png, image/jpeg, image/*;q=0.8",
        FetchKind.Robots => "text/plain, */*;q=0.5",
        _ => "*/*",
    };

    private static string? First(HttpHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Describe(HttpRequestException e)
        => e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{e.Message} ({inner.Message})"
            : e.Message;

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";
}
