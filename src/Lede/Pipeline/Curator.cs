using Lede.Cluster;
using Lede.Decide;
using Lede.Dedupe;
using Lede.Normalize;
using Lede.Records;
using Lede.Score;
using Lede.Store;

namespace Lede.Pipeline;

/// <summary>
/// The story stages for each new article, in arrival order: dedupe → cluster → score → decide → store, and the
/// updates its story's other articles need (related coverage, heat, the rules' verdict).
/// </summary>
/// <remarks>
/// One article at a time (a lock inside), so that story assignment is deterministic for a given order of arrival.
/// Its memory is the active window: <see cref="OpenAsync"/> rebuilds it from the articles stored in the window.
/// Heat is judged at stream time (the newest publication time seen, never later than now), so a replayed or
/// imported stream gets the heat it had when it happened.
/// </remarks>
public sealed partial class Curator
{
    private readonly IStore _store;
    private readonly SecuredBox? _box;
    private readonly CuratorOptions _options;
    private readonly TimeProvider _clock;
    private readonly DuplicateIndex _copies = new();
    // Merges on: a story merged into another moves its stored articles with the article that bridged them (see MergeAsync).
    private readonly StoryClusterer _stories;
    private readonly QualityScorer _quality = new();
    private readonly HeatCalculator _heat = new();
    private readonly PublishDecider _decider;
    private readonly Dictionary<long, StoryMembers> _members = [];
    // The heat baseline over _members, kept in step with it: every change to a story's members goes through Track.
    private readonly HeatBaselineTracker _baseline = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, Store.ProviderDecisions> _decisions = new Dictionary<string, Store.ProviderDecisions>(StringComparer.Ordinal);
    private readonly Dictionary<ArticleId, StoredRecord> _pending = [];
    private readonly List<ArticleId> _pendingOrder = [];
    private readonly List<ArticleConflictException> _conflicts = [];
    private int _sincePrune;
    private DateTime? _streamStart;
    private DateTime? _streamNewest;

    private Curator(IStore store, SecuredBox? box, CuratorOptions options, TimeProvider clock)
    {
        _store = store;
        _box = box;
        _options = options;
        _clock = clock;
        _decider = new PublishDecider(options.Publish);
        _stories = new StoryClusterer(options.Stories);
    }

    /// <summary>A curator whose memory holds the stored articles of the active window.</summary>
    /// <param name="store">Where articles are.</param>
    /// <param name="box">Opens stored full text (for fingerprints and story vectors); null: titles and excerpts only.</param>
    /// <param name="options">Rules and limits.</param>
    /// <param name="clock">The time now.</param>
    /// <param name="ct">Cancels the warm-up.</param>
    public static async Task<Curator> OpenAsync(IStore store, SecuredBox? box, CuratorOptions options, TimeProvider clock, CancellationToken ct)
    {
        var curator = new Curator(store, box, options, clock);
        await curator.WarmAsync(ct).ConfigureAwait(false);
        return curator;
    }

    /// <value>Default: written in transactions of up to 200 articles (with the story changes they bring).</value>
    public int BatchSize { get; init; } = 200;

    /// <summary>Curates one new article; it is stored, with its story's changes, by the next <see cref="FlushAsync"/> or when a batch is full.</summary>
    public async Task AddAsync(ArticleId id, BuiltArticle article, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await CurateAsync(id, article, ct).ConfigureAwait(false);
            if (_pending.Count >= BatchSize)
            {
                await WriteAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether an article was curated and is waiting to be written.</summary>
    public bool Holds(ArticleId id) => _pending.ContainsKey(id);

    /// <summary>Writes what is waiting; returns the articles that could not be stored since the last flush (their <c>webUrl</c> is held by another).</summary>
    public async Task<IReadOnlyList<ArticleConflictException>> FlushAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await WriteAsync(ct).ConfigureAwait(false);
            var conflicts = _conflicts.ToList();
            _conflicts.Clear();
            return conflicts;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _conflicts.AddRange(await _store.SaveArticlesAsync(_pendingOrder.Select(id => _pending[id]).ToList(), ct).ConfigureAwait(false));
        _pending.Clear();
        _pendingOrder.Clear();
    }

    private void Stage(StoredRecord article)
    {
        if (_pending.TryAdd(article.Id, article))
        {
            _pendingOrder.Add(article.Id);
        }
        else
        {
            _pending[article.Id] = article;
        }
    }

    private async Task<StoredRecord?> FindAsync(ArticleId id, CancellationToken ct)
        => _pending.TryGetValue(id, out var pending) ? pending : await _store.FindRecordAsync(id, ct).ConfigureAwait(false);

    private async Task CurateAsync(ArticleId id, BuiltArticle article, CancellationToken ct)
    {
        var record = article.Record;
        var key = id.ToString();
        Observe(record.PublishedDateTime);
        var fingerprint = TextFingerprint.Create(record.Title, Body(record, article.FullText));
        var copy = _copies.Add(key, fingerprint, WindowTime(record.PublishedDateTime));
        // The index keeps originals only, so a match always names the article first seen with this text.
        if (copy is not null && ArticleId.TryParse(copy.OfId, out var original))
        {
            await SaveCopyAsync(id, article, copy, original, ct).ConfigureAwait(false);
            return;
        }

        var assignment = _stories.Add(Document(key, record, article.FullText));
        var quality = _quality.Score(QualityOf(article, isWireCopy: false, wireSource: null));
        var members = Members(assignment.StoryId);
        // A merge first: the absorbed stories' articles join this one's before the new article does.
        var changed = Absorb(members, assignment.Merged);
        var member = new StoryMember(id, record.Provider.Domain, record.PublishedDateTime, quality.Value);
        changed.UnionWith(members.Join(member, Snapshot(record with { Quality = quality.Value })));
        Track(members);
        var heat = HeatOf(members);
        var scored = record with { Quality = quality.Value, Heat = heat.Value, Related = members.RelatedOf(id) };
        var verdict = _decider.Decide(scored, []);
        var merges = MergeLines(assignment, id, record.Title);
        var explanation = new Explanation
        {
            Topics = article.Topics?.Scores ?? [],
            Story = new StoryReason(assignment.StoryId, assignment.Opened, assignment.Score, assignment.Why)
            {
                Absorbed = merges is null ? null : assignment.Merged,
                Merges = merges,
            },
            Quality = Reason(quality),
            Heat = new ScoreReason(heat.Value, heat.Parts),
            Publish = verdict,
        };
        var analysis = new ArticleAnalysis(assignment.StoryId, null, explanation.ToJson())
        {
            StoryHeatWhy = string.Join('\n', heat.Parts),
            AbsorbedStories = merges is null ? null : assignment.Merged,
        };
        // The story's other articles before this one: a store deletes an absorbed story's row once its articles have moved.
        await UpdateOthersAsync(changed.Where(other => other != id), members, heat, assignment.Merged, merges, ct).ConfigureAwait(false);
        Stage(new StoredRecord(id, scored with { Published = verdict.Published }, article.Seal, analysis));
        Prune();
    }

    private async Task SaveCopyAsync(ArticleId id, BuiltArticle article, DuplicateMatch copy, ArticleId original, CancellationToken ct)
    {
        var record = article.Record;
        var source = _members.Values.SelectMany(m => m.All).FirstOrDefault(m => m.Id == original)?.ProviderDomain
            ?? (await FindAsync(original, ct).ConfigureAwait(false))?.Record.Provider.Domain;
        var wire = source is not null && !string.Equals(source, record.Provider.Domain, StringComparison.OrdinalIgnoreCase);
        var quality = _quality.Score(QualityOf(article, wire, wire ? source : null));
        var verdict = new PublishVerdict(false, "rules", [$"a copy of {original}: the story is shown once, through the article it copies"]);
        var explanation = new Explanation
        {
            Topics = article.Topics?.Scores ?? [],
            CopyOf = new CopyReason(original.ToString(), copy.Method.ToString(), copy.Similarity, copy.Why),
            Quality = Reason(quality),
            Heat = new ScoreReason(-1, ["-1: a copy carries no heat of its own; its original's story does"]),
            Publish = verdict,
        };
        var scored = record with { Quality = quality.Value, Heat = -1, Related = [], Published = false };
        Stage(new StoredRecord(id, scored, article.Seal, new ArticleAnalysis(null, original, explanation.ToJson())));
    }

    /// <summary>
    /// Re-saves the story's other articles whose related coverage changed, or all of them after a merge (their story id, heat and
    /// explanation change too); each carries the story's heat, so the story's row keeps the newest.
    /// </summary>
    private async Task UpdateOthersAsync(
        IEnumerable<ArticleId> others, StoryMembers members, Heat heat, IReadOnlyList<long> absorbed, IReadOnlyList<string>? merges, CancellationToken ct)
    {
        var heatWhy = string.Join('\n', heat.Parts);
        foreach (var other in others.OrderBy(o => o.Value))
        {
            if (await FindAsync(other, ct).ConfigureAwait(false) is not { } stored)
            {
                continue;
            }

            var record = stored.Record with { Related = members.RelatedOf(other), Heat = heat.Value };
            var decisions = await _store.ReadDecisionsAsync(other, ct).ConfigureAwait(false);
            var verdict = _decider.Decide(record, decisions);
            var kept = Explanation.FromJson(stored.Analysis?.Explain);
            if (kept?.Story is { } story && merges is not null)
            {
                kept = kept with
                {
                    Story = story with
                    {
                        Id = members.StoryId,
                        Absorbed = [.. story.Absorbed ?? [], .. absorbed],
                        Merges = [.. story.Merges ?? [], .. merges],
                    },
                };
            }

            var explain = kept is null ? stored.Analysis?.Explain : (kept with { Publish = verdict }).ToJson();
            var analysis = (stored.Analysis ?? new ArticleAnalysis(members.StoryId, null, null)) with
            {
                StoryId = members.StoryId,
                Explain = explain,
                StoryHeatWhy = heatWhy,
                AbsorbedStories = null,
            };
            Stage(stored with { Record = record with { Published = verdict.Published }, Analysis = analysis });
        }
    }

    /// <summary>Moves the members of stories the clusterer merged into <paramref name="members"/>; returns the articles to re-save (all of theirs and those whose links changed).</summary>
    private HashSet<ArticleId> Absorb(StoryMembers members, IReadOnlyList<long> absorbed)
    {
        var changed = new HashSet<ArticleId>();
        foreach (var story in absorbed)
        {
            if (story != members.StoryId && _members.Remove(story, out var gone))
            {
                _baseline.Remove(story);
                changed.UnionWith(members.Absorb(gone));
            }
        }

        if (changed.Count > 0)
        {
            // Every article of the merged story carries its id, heat and the merge in its explanation.
            changed.UnionWith(members.All.Select(m => m.Id));
        }

        return changed;
    }

    /// <summary>The clusterer's merge lines with the article that bridged the stories; null when nothing merged.</summary>
    private static IReadOnlyList<string>? MergeLines(StoryAssignment assignment, ArticleId bridge, string title)
    {
        if (assignment.Merged.Count == 0)
        {
            return null;
        }

        var lines = assignment.Why.Where(line => line.StartsWith("merged story ", StringComparison.Ordinal))
            .Select(line => $"{line}; bridged by article {bridge} \"{title}\"")
            .ToList();
        return lines.Count > 0 ? lines : assignment.Merged.Select(story => $"merged story {story} into story {assignment.StoryId}; bridged by article {bridge} \"{title}\"").ToList();
    }

    /// <summary>Now and then, forgets stories that left the window (the clusterer forgets them too); memory stays flat.</summary>
    private void Prune()
    {
        if (++_sincePrune < 256)
        {
            return;
        }

        _sincePrune = 0;
        var horizon = StreamNow().UtcDateTime - _options.Window;
        foreach (var story in _members.Where(kv => kv.Value.Newest < horizon).Select(kv => kv.Key).ToList())
        {
            _members.Remove(story);
            _baseline.Remove(story);
        }
    }

    private StoryMembers Members(long story)
    {
        if (!_members.TryGetValue(story, out var members))
        {
            members = new StoryMembers(story, _options.MaxRelated);
            _members[story] = members;
        }

        return members;
    }

    private Heat HeatOf(StoryMembers members)
    {
        var stream = new HeatStream(_streamStart is { } start ? new DateTimeOffset(start) : null, BaselineProvidersPerHour());
        var now = StreamNow();
        return _heat.Calculate(members.All.Select(m => (HeatMember?)new HeatMember(m.ProviderDomain, new DateTimeOffset(m.Published))).ToList(), stream, now);
    }

    /// <summary>Stream time: the newest publication time seen, never later than now.</summary>
    private DateTimeOffset StreamNow()
    {
        var now = _clock.GetUtcNow();
        return _streamNewest is { } newest && newest < now.UtcDateTime ? new DateTimeOffset(newest) : now;
    }

    private double BaselineProvidersPerHour() => _baseline.ProvidersPerHour;

    /// <summary>Brings the heat baseline up to date with a story whose members changed.</summary>
    private void Track(StoryMembers members) => _baseline.Set(members.StoryId, members.All.Count > 0 ? members.Activity() : null);

    /// <summary>A publication time as the windows may see it: one far in the future must not push everything else out.</summary>
    private DateTime WindowTime(DateTime published)
    {
        var latest = _clock.GetUtcNow().UtcDateTime.AddHours(1);
        return published > latest ? latest : published;
    }

    /// <summary>Widens the stream's span; times in the future (beyond an hour) are not stream time.</summary>
    private void Observe(DateTime published)
    {
        if (published > _clock.GetUtcNow().UtcDateTime.AddHours(1))
        {
            return;
        }

        _streamStart = _streamStart is { } start && start <= published ? start : published;
        _streamNewest = _streamNewest is { } newest && newest >= published ? newest : published;
    }

    private QualityInput QualityOf(BuiltArticle article, bool isWireCopy, string? wireSource)
    {
        var record = article.Record;
        var lead = record.Images.Count > 0 ? new QualityImage(record.Images[0].Url, record.Images[0].Width, record.Images[0].Height) : null;
        return new QualityInput
        {
            Domain = record.Provider.Domain,
            Tier = article.Facts.ProviderTier,
            Url = record.WebUrl,
            Title = record.Title,
            Excerpt = record.Excerpt,
            ExcerptIsBoilerplate = article.Facts.ExcerptWasBoilerplate,
            FullText = article.FullText,
            HasAuthor = article.Facts.HasAuthor,
            HasPublishedDate = article.Facts.HasPublishedDate,
            LeadImage = lead,
            IsWireCopy = isWireCopy,
            WireSource = wireSource,
            RawDescription = article.Facts.RawDescription,
            Decisions = _decisions.TryGetValue(record.Provider.Domain, out var d) ? new Score.ProviderDecisions(d.Published, d.Rejected) : null,
        };
    }

    private static ScoreReason Reason(QualityScore quality)
        => new(quality.Value, quality.Points.Select(p => $"{p.Points:+0;-0;0} {p.Rule}: {p.Why}").ToList());

    private StoryDocument Document(string key, ArticleRecord record, string fullText)
        => new(key, record.Title, $"{record.Excerpt}\n\n{fullText}", WindowTime(record.PublishedDateTime), record.Provider.Domain, record.WebUrl);

    /// <summary>What fingerprints compare: the full text, or the excerpt when there is none.</summary>
    private static string Body(ArticleRecord record, string fullText) => fullText.Length > 0 ? fullText : record.Excerpt;

    private static RelatedEntry Snapshot(ArticleRecord r) => new()
    {
        Title = r.Title,
        Excerpt = r.Excerpt,
        PublishedDateTime = r.PublishedDateTime,
        WebUrl = r.WebUrl,
        AmpWebUrl = r.AmpWebUrl,
        CdnAmpWebUrl = r.CdnAmpWebUrl,
        Type = r.Type,
        Provider = r.Provider,
        Quality = r.Quality,
        Images = r.Images,
    };
}
