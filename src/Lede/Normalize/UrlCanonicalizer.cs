using System.Globalization;
using System.Text;

namespace Lede.Normalize;

/// <summary>One spelling per article URL, so the same article found by different links gets one id.</summary>
public static class UrlCanonicalizer
{
    /// <summary>Query parameters that only track the click: dropped. Names ending in <c>*</c> are prefixes.</summary>
    /// <remarks>Only parameters that never select content belong here: a wrong entry merges different articles.</remarks>
    public static readonly IReadOnlyList<string> TrackingParameters =
    [
        "utm_*", "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "yclid",
        "ref_src", "ref_url", "twclid", "ttclid", "li_fat_id", "mkt_tok", "_hsenc", "_hsmi", "hsctatracking", "oly_anon_id",
        "oly_enc_id", "vero_id", "wickedid", "s_cid", "cmpid", "ncid", "guccounter", "guce_referrer", "guce_referrer_sig",
        "spm", "share", "at_medium", "at_campaign", "sr_share", "ocid", "__twitter_impression", "amp_js_v", "usqp",
        "amp_gsa", "amp_r", "fb_action_ids", "fb_action_types", "fb_source", "fb_ref", "action_object_map",
        "action_type_map", "action_ref_map", "ga_source", "ga_medium", "ga_campaign", "ga_content", "ga_term",
        "pk_*", "piwik_*", "mtm_*", "matomo_*", "hmb_*", "__s", "trk", "trkcampaign", "rb_clickid", "ss_source",
    ];

    private static readonly HashSet<string> Exact = new(TrackingParameters.Where(p => !p.EndsWith('*')), StringComparer.OrdinalIgnoreCase);
    private static readonly string[] Prefixes = [.. TrackingParameters.Where(p => p.EndsWith('*')).Select(p => p[..^1])];

    /// <summary>The canonical form of <paramref name="url"/>; never throws.</summary>
    public static CanonicalUrl Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return new(null, "empty URL");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return new(null, "not an absolute URL");
        }

        // AMP caches and viewers wrap the publisher URL; unwrap twice at most (a viewer of a cache URL).
        for (var i = 0; i < 2 && Unwrap(uri) is { } inner; i++)
        {
            uri = inner;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return new(null, $"scheme {uri.Scheme} is not http(s)");
        }

        string host;
        try
        {
            host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            return new(null, "host is not a valid name");
        }

        if (host.Length == 0)
        {
            return new(null, "no host");
        }

        var sb = new StringBuilder(uri.AbsoluteUri.Length);
        sb.Append(uri.Scheme).Append("://").Append(host);
        if (!uri.IsDefaultPort)
        {
            sb.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));
        }

        // AbsolutePath has dot segments resolved already by System.Uri.
        sb.Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var query = FilterQuery(uri.Query);
        if (query.Length > 0)
        {
            sb.Append('?').Append(query);
        }

        return new(sb.ToString(), null);
    }

    /// <summary>True when a query parameter name is on the tracking list.</summary>
    public static bool IsTracking(string name)
        => Exact.Contains(name) || Array.Exists(Prefixes, p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static string FilterQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (!IsTracking(name))
            {
                kept.Add(pair);
            }
        }

        return string.Join('&', kept);
    }

    /// <summary>The publisher URL inside an AMP cache or Google AMP viewer URL, or null.</summary>
    private static Uri? Unwrap(Uri uri)
    {
        var host = uri.Host.ToLowerInvariant();
        var path = uri.AbsolutePath;
        string? rest = null;
        var https = false;
        if (host.EndsWith(".cdn.ampproject.org", StringComparison.Ordinal) || host.EndsWith(".amp.cloudflare.com", StringComparison.Ordinal) || host.EndsWith(".bing-amp.com", StringComparison.Ordinal))
        {
            foreach (var type in (string[])["/c/", "/v/", "/i/", "/ii/", "/r/", "/wp/"])
            {
                if (path.StartsWith(type, StringComparison.Ordinal))
                {
                    rest = path[type.Length..];
                    break;
                }
            }
        }
        else if ((host.StartsWith("www.google.", StringComparison.Ordinal) || host.StartsWith("google.", StringComparison.Ordinal)) && path.StartsWith("/amp/", StringComparison.Ordinal))
        {
            rest = path[5..];
        }

        if (rest is null)
        {
            return null;
        }

        if (rest.StartsWith("s/", StringComparison.Ordinal))
        {
            https = true;
            rest = rest[2..];
        }

        var target = (https ? "https://" : "http://") + rest + uri.Query;
        return Uri.TryCreate(target, UriKind.Absolute, out var inner) && inner.Host.Contains('.', StringComparison.Ordinal) ? inner : null;
    }
}
