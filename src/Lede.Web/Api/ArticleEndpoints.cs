using Lede.Normalize;
using Lede.Store;

namespace Lede.Web.Api;

/// <summary><c>/api/articles</c>: the published articles, newest first, and one article by id.</summary>
/// <remarks>Only what an editor published is public; everything else waits for the editing login.</remarks>
public static class ArticleEndpoints
{
    /// <value>Default: 50 articles per page, at most 500.</value>
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles", ListAsync);
        app.MapGet("/api/articles/{id}", FindAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(IStore store, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Results.Problem($"limit must be 1 to {MaxLimit}", statusCode: StatusCodes.Status400BadRequest);
        }

        var newest = new List<ArticleJson>();
        await foreach (var stored in store.ReadRecordsAsync(RecordOrder.Newest, ct))
        {
            if (stored.Record.Published)
            {
                newest.Add(ArticleJson.From(stored));
                if (newest.Count == (limit ?? DefaultLimit))
                {
                    break;
                }
            }
        }

        return Results.Ok(newest);
    }

    private static async Task<IResult> FindAsync(string id, IStore store, CancellationToken ct)
    {
        if (!ArticleId.TryParse(id, out var articleId))
        {
            return Results.Problem("an article id is 16 lowercase hex digits", statusCode: StatusCodes.Status400BadRequest);
        }

        var stored = await store.FindRecordAsync(articleId, ct);
        return stored is { Record.Published: true } ? Results.Ok(ArticleJson.From(stored)) : Results.NotFound();
    }
}
