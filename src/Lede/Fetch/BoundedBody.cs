using System.Buffers;

namespace Lede.Fetch;

/// <summary>Reads a response body up to a size limit, counting the bytes after decompression.</summary>
/// <remarks>
/// The body is read in chunks and reading stops at the first byte past the limit, so a gzip bomb or an endless
/// body costs at most the limit plus one chunk of memory, whatever Content-Length claims.
/// </remarks>
internal static class BoundedBody
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// The whole body, or <see cref="FetchException"/> (<see cref="FetchFailure.TooLarge"/>) past <paramref name="limit"/> bytes;
    /// with <paramref name="truncate"/> (robots.txt), its first <paramref name="limit"/> bytes instead.
    /// </summary>
    public static async Task<byte[]> ReadAsync(HttpContent content, Uri url, long limit, CancellationToken ct, bool truncate = false)
    {
        // With automatic decompression the handler drops Content-Length of an encoded body, so a length
        // still here is the real one: refuse at once rather than after reading it.
        if (!truncate && content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(url, limit);
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? ChunkSize, limit));
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), ct).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > limit)
                    {
                        if (!truncate)
                        {
                            throw TooLarge(url, limit);
                        }

                        body.Write(chunk, 0, (int)(limit - body.Length));
                        break;
                    }

                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return body.ToArray();
        }
    }

    private static FetchException TooLarge(Uri url, long limit)
        => new(url, FetchFailure.TooLarge, $"the body is larger than the {Size(limit)} limit");

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };
}
