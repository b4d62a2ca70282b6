namespace Lede.Cluster;

/// <summary>Online story clustering: each arriving article joins the closest active story or opens a new one, with no look-ahead.</summary>
/// <remarks>
/// Miranda et al. 2018 style: TF-IDF sub-vectors (all tokens, lead, title, entities) against summed story centroids, a Gaussian
/// time feature, then a second check against over-merging (shared distinctive entities or title terms, or a strong score).
/// Candidates come from an inverted index over active stories' top terms, so the cost per article does not grow with the
/// stream; stories leave the pool when their newest article is older than the window. Not thread-safe.
/// </remarks>
public sealed partial class StoryClusterer
{
    private const int SweepEvery = 256;

    private readonly StoryClusterOptions _options;
    private readonly StoryFeaturizer _featurizer;
    private readonly double[] _weights;
    // Scratch collections reused by every document, so the hot path does not allocate them anew.
    private readonly List<int> _hitSlots = [];
    private readonly List<(long Id, double Weight, int Slot)> _ranked = [];
    private readonly List<StoryState> _candidates = [];
    private readonly List<(int Key, double Weight, int Index)> _topPicked = [];
    private readonly HashSet<int> _queryKeys = [];
    private readonly HashSet<int> _indexKeys = [];
    private readonly List<(int Key, double Idf)> _sharedBuffer = [];
    private readonly Dictionary<long, StoryState> _active = [];
    // The keys a re-index found already posted, so only the ones that entered or left a story's top touch the index.
    private readonly HashSet<int> _heldKeys = [];
    // Postings hold story slots: candidate lookup sums into flat arrays by slot, not into a dictionary by id.
    private readonly StoryPostings _postings = new();
    private readonly Stack<int> _freeSlots = new();
    private StoryState?[] _slots = new StoryState?[1024];
    private double[] _hitSums = new double[1024];
    private int[] _hitMarks = new int[1024];
    private int _usedSlots;
    private int _hitStamp;
    private int[] _topKeys = new int[64];
    private double[] _topWeights = new double[64];
    private long _nextId = 1;
    private int _termsAfterPrune;
    private long _sequence;
    private DateTime? _clock;

    /// <summary>A clusterer with the given options, or the defaults.</summary>
    public StoryClusterer(StoryClusterOptions? options = null)
    {
        _options = options ?? new StoryClusterOptions();
        _featurizer = new StoryFeaturizer(_options);
        _weights = [_options.WeightAll, _options.WeightLead, _options.WeightTitle, _options.WeightEntities];
    }

    /// <summary>Stories currently in the active pool.</summary>
    public int ActiveStories => _active.Count;

    /// <summary>Keys in the term table now: follows the active window once pruning sets in.</summary>
    internal int TermCount => _featurizer.Terms.Count;

    /// <summary>Puts the document into the best active story, or opens a new one; never throws on odd content.</summary>
    public StoryAssignment Add(StoryDocument doc)
    {
        var vectors = Prepare(doc);
        if (vectors.IsEmpty)
        {
            var empty = Open(vectors);
            return new StoryAssignment(empty.Id, true, 0, [$"no words to compare: opened story {empty.Id}"]);
        }

        vectors.Flatten(_featurizer.Terms);
        var norms = DocumentNorms(vectors);
        FindDocumentDetails(vectors);
        // The best two by score, ties to the older story: no sort, no list.
        CandidateScore? first = null, second = null;
        _scored.Clear();
        foreach (var candidate in Candidates(vectors))
        {
            if (Score(vectors, norms, candidate) is not { } scored)
            {
                continue;
            }

            _scored.Add(scored);
            if (first is not { } top || Before(scored, top))
            {
                second = first;
                first = scored;
            }
            else if (second is not { } runnerUp || Before(scored, runnerUp))
            {
                second = scored;
            }
        }

        if (first is not { } best)
        {
            var story = Open(vectors);
            return new StoryAssignment(story.Id, true, 0, [$"no active story shares a distinctive term: opened story {story.Id}"]);
        }

        var threshold = Threshold(vectors);
        var check = Check(vectors, best);
        var why = Explain(vectors, best, second, check, threshold);
        if (best.Score >= threshold && check.Passed && ChooseByYears(vectors, best, second, threshold, why) is var chosen && !ReferenceEquals(chosen.Story, best.Story))
        {
            best = chosen;
            check = Check(vectors, best);
        }

        var close = best.Score >= threshold && check.Passed ? 0 : CloseHeadlines(vectors, norms, best.Story);
        var closeEnough = _options.CloseHeadlines > 0 && close >= _options.CloseHeadlines;
        if (closeEnough)
        {
            why.Add($"close to {close} of the story's headlines: joins although the story's sum is far");
        }

        if ((best.Score >= threshold && check.Passed) || closeEnough)
        {
            Join(best.Story, vectors);
            var merged = new List<long>();
            var story = MergeBridged(vectors, best.Story, threshold, why, merged);
            why.Insert(0, $"joined story {story.Id}");
            return new StoryAssignment(story.Id, false, best.Score, why) { Merged = merged };
        }

        var opened = Open(vectors);
        why.Insert(0, $"opened story {opened.Id}");
        return new StoryAssignment(opened.Id, true, best.Score, why);
    }

    // The join threshold for this document: lower for headline-length texts, whose cosines run lower.
    private double Threshold(DocumentVectors doc) => _options.JoinThreshold * ShortFactor(doc.Keys(StoryField.All).Length, _options.ShortTextFactor);

    // The share of a threshold that texts of this many distinct terms must reach: the given factor up to ShortTextTerms,
    // rising in log terms to 1 at four times as many.
    private double ShortFactor(double terms, double factor)
    {
        var shortTerms = Math.Max(1, _options.ShortTextTerms);
        if (terms >= 4 * shortTerms)
        {
            return 1;
        }

        var longness = terms <= shortTerms ? 0 : Math.Log(terms / shortTerms) / Math.Log(4);
        return factor + ((1 - factor) * longness);
    }

    // A headline-length document that its best story's sum turned away, counted against the story's latest headlines one by one:
    // a big story of headlines is a bag of short texts, and a headline close to several of them is close to the story.
    private int CloseHeadlines(DocumentVectors doc, double[] norms, StoryState story)
    {
        if (_options.CloseHeadlines <= 0 || doc.Keys(StoryField.All).Length >= _options.DetailMinTerms || norms[(int)StoryField.Title] <= 0)
        {
            return 0;
        }

        var terms = _featurizer.Terms;
        var close = 0;
        foreach (var headline in story.Headlines)
        {
            var norm = VectorMath.Norm(headline, terms);
            if (norm > 0 && VectorMath.Dot(doc, StoryField.Title, headline, terms) / (norm * norms[(int)StoryField.Title]) >= _options.CloseHeadlineCosine)
            {
                close++;
            }
        }

        return close;
    }

    private static bool Before(CandidateScore a, CandidateScore b)
    {
        var c = a.Score.CompareTo(b.Score);
        return c > 0 || (c == 0 && a.Story.Id < b.Story.Id);
    }

    /// <summary>Adds a document to a story that is already known (rebuilding the state from storage); later stories get higher ids.</summary>
    public void Seed(StoryDocument doc, long storyId)
    {
        var vectors = Prepare(doc);
        if (!_active.TryGetValue(storyId, out var story))
        {
            story = new StoryState(storyId);
            Register(story);
        }

        _nextId = Math.Max(_nextId, storyId + 1);
        Join(story, vectors);
    }

    /// <summary>Keeps <paramref name="storyId"/> from being given to a new story (a story merged away, rebuilding from storage).</summary>
    public void Reserve(long storyId) => _nextId = Math.Max(_nextId, storyId + 1);

    /// <summary>The ids of an active story's documents in the order they joined; empty once the story has left the window.</summary>
    public IReadOnlyList<string> Members(long storyId)
        => _active.TryGetValue(storyId, out var story) ? story.Members.AsReadOnly() : [];

    private DocumentVectors Prepare(StoryDocument? doc)
    {
        // Records are not null-safe at run time: a broken caller's nulls become empty strings, not exceptions.
        var clean = new StoryDocument(doc?.Id ?? "", doc?.Title, doc?.Text ?? "", doc?.Published, doc?.Provider, doc?.Url);
        if (clean.Published is { Kind: DateTimeKind.Local } local)
        {
            clean = clean with { Published = local.ToUniversalTime() };
        }

        _sequence++;
        var vectors = _featurizer.Featurize(clean);
        if (vectors.Published is { } published && (_clock is null || published > _clock))
        {
            _clock = published;
        }

        if (_sequence % SweepEvery == 0)
        {
            Evict();
            PruneTerms(vectors);
        }

        return vectors;
    }

    private StoryState Open(DocumentVectors vectors)
    {
        var story = new StoryState(_nextId++);
        Register(story);
        Join(story, vectors);
        return story;
    }

    private void Join(StoryState story, DocumentVectors vectors)
    {
        story.Add(vectors, _options.CentroidCap, _featurizer.Terms);
        if (vectors.Keys(StoryField.All).Length < _options.DetailMinTerms)
        {
            story.KeepHeadline(vectors[StoryField.Title], _options.HeadlinesKept);
        }

        story.Touched = _sequence;
        FindStoryDetails(story);
        // A grown story's top terms settle: re-rank them on every fourth join only, to keep joins cheap.
        if (story.Members.Count <= 8 || story.Members.Count % 4 == 0)
        {
            Reindex(story);
        }
    }
}
