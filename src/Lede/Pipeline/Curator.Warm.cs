using Lede.Cluster;
using Lede.Dedupe;
using Lede.Store;

namespace Lede.Pipeline;

public sealed partial class Curator
{
    /// <summary>
    /// Rebuilds the window's memory from the store: originals into the copy index, story members into the
    /// clusterer under the stories they already have. Articles never curated (imported records) are left out.
    /// </summary>
    private async Task WarmAsync(CancellationToken ct)
    {
        _decisions = await _store.ReadProviderDecisionsAsync(ct).ConfigureAwait(false);
        var latest = _clock.GetUtcNow().UtcDateTime.AddHours(1);
        var held = new List<StoredRecord>();
        DateTime? newest = null;
        await foreach (var stored in _store.ReadRecordsAsync(RecordOrder.Newest, ct).ConfigureAwait(false))
        {
            var published = stored.Record.PublishedDateTime;
            if (published > latest)
            {
                // A date in the future is no measure of the stream's present.
                continue;
            }

            newest ??= published;
            if (published < newest.Value - _options.Window)
            {
                break;
            }

            if (stored.Analysis is { } analysis && (analysis.StoryId is not null || analysis.DuplicateOf is not null))
            {
                held.Add(stored);
            }
        }

        held.Reverse();
        foreach (var stored in held)
        {
            Seed(stored);
        }

        // Stories outside the window (an article found late gets a new story under an old date) keep their ids too.
        _stories.Reserve(await _store.MaxStoryIdAsync(ct).ConfigureAwait(false));
    }

    private void Seed(StoredRecord stored)
    {
        var record = stored.Record;
        Observe(record.PublishedDateTime);
        if (stored.Analysis?.StoryId is not { } story)
        {
            // A copy: its original is in the index already; copies never are.
            return;
        }

        var fullText = FullTextOf(stored);
        _copies.Add(stored.Id.ToString(), TextFingerprint.Create(record.Title, Body(record, fullText)), WindowTime(record.PublishedDateTime));
        _stories.Seed(Document(stored.Id.ToString(), record, fullText), story);
        // A story merged away keeps its id: a new story given it would read as the absorbed one in explanations.
        if (stored.Analysis.Explain is { } explain && explain.Contains("\"absorbed\"", StringComparison.Ordinal)
            && Explanation.FromJson(explain)?.Story?.Absorbed is { } absorbed)
        {
            foreach (var merged in absorbed)
            {
                _stories.Reserve(merged);
            }
        }

        var members = Members(story);
        members.Restore(
            new StoryMember(stored.Id, record.Provider.Domain, record.PublishedDateTime, record.Quality),
            Snapshot(record),
            record.Related.Select(r => Normalize.ArticleId.FromUrl(r.WebUrl)));
        Track(members);
    }

    /// <summary>The stored full text when the key opens it; else none (titles and excerpts still count).</summary>
    private string FullTextOf(StoredRecord stored)
    {
        if (_box is null || stored.Seal is not { } seal)
        {
            return "";
        }

        try
        {
            return _box.Open(stored.Id, seal).Text;
        }
        catch (SecuredPayloadException)
        {
            return "";
        }
    }
}
