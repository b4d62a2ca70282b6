namespace Lede.Cluster;

/// <summary>One active story: summed sub-vectors (capped), its time span, its members and the keys it is indexed under.</summary>
internal sealed class StoryState
{
    private readonly TermWeights[] _sums = new TermWeights[DocumentVectors.FieldCount];
    private readonly double[] _norms = new double[DocumentVectors.FieldCount];
    private long _normsAt = -1;
    private double _sumDays;
    private int _dated;
    private long _terms;

    public StoryState(long id)
    {
        Id = id;
        for (var f = 0; f < _sums.Length; f++)
        {
            _sums[f] = [];
        }
    }

    public long Id { get; }

    /// <summary>The story's place in the clusterer's flat per-story arrays while it is active.</summary>
    public int Slot { get; set; }

    public List<string> Members { get; } = [];

    public DateTime? Oldest { get; private set; }

    public DateTime? Newest { get; private set; }

    public DateTime? Mean => _dated == 0 ? null : DateTime.UnixEpoch.AddDays(_sumDays / _dated);

    /// <summary>The document sequence number of the last join, to evict the least recently joined first.</summary>
    public long Touched { get; set; }

    public int[] IndexedKeys { get; set; } = [];

    /// <summary>The story's strongest distinctive entities, strongest first (the first <see cref="DetailCount"/>).</summary>
    public int[] Details { get; set; } = [];

    public int DetailCount { get; set; }

    /// <summary>Distinct terms per article, on average: headline-only stories have few.</summary>
    public double MeanTerms => Members.Count == 0 ? 0 : (double)_terms / Members.Count;

    public TermWeights this[StoryField field] => _sums[(int)field];

    /// <summary>The title vectors of the story's latest headline-length members (at most the cap given to <see cref="KeepHeadline"/>).</summary>
    public List<TermWeights> Headlines { get; } = [];

    /// <summary>Keeps a headline-length member's title vector, dropping the oldest beyond the cap.</summary>
    public void KeepHeadline(TermWeights title, int cap)
    {
        if (cap <= 0 || title.Count == 0)
        {
            return;
        }

        if (Headlines.Count >= cap)
        {
            Headlines.RemoveAt(0);
        }

        Headlines.Add(title);
    }

    public void Add(DocumentVectors doc, int cap, TermStatistics terms)
    {
        if (Members.Count == 0)
        {
            terms.CountStory();
        }

        Members.Add(doc.Id);
        for (var f = 0; f < _sums.Length; f++)
        {
            var sum = _sums[f];
            var counts = (StoryField)f is StoryField.All or StoryField.Entities;
            foreach (var (key, weight) in doc[(StoryField)f])
            {
                if (sum.Add(key, weight) && counts)
                {
                    terms.CountKey(key);
                }
            }

            Cap(sum, cap, terms);
        }

        if (doc.Published is { } published)
        {
            Oldest = Oldest is { } o && o <= published ? o : published;
            Newest = Newest is { } n && n >= published ? n : published;
            _sumDays += (published - DateTime.UnixEpoch).TotalDays;
            _dated++;
        }

        _terms += doc[StoryField.All].Count;
        _normsAt = -1;
    }

    /// <summary>Takes in another story's sums, members and time span (a merge); the other story is dropped by the caller.</summary>
    public void Absorb(StoryState other, int cap, TermStatistics terms)
    {
        Members.AddRange(other.Members);
        Headlines.AddRange(other.Headlines);
        for (var f = 0; f < _sums.Length; f++)
        {
            var sum = _sums[f];
            foreach (var (key, weight) in other._sums[f])
            {
                sum.Add(key, weight);
            }

            Cap(sum, cap, terms);
        }

        if (other.Oldest is { } o)
        {
            Oldest = Oldest is { } mine && mine <= o ? mine : o;
        }

        if (other.Newest is { } n)
        {
            Newest = Newest is { } mine && mine >= n ? mine : n;
        }

        _terms += other._terms;
        _sumDays += other._sumDays;
        _dated += other._dated;
        _normsAt = -1;
    }

    // Keep the strongest terms only: drift control, and a bounded cost per comparison.
    private static void Cap(TermWeights sum, int cap, TermStatistics terms)
    {
        if (sum.Count > 2 * cap)
        {
            var keep = sum.OrderByDescending(p => p.Value * terms.Idf(p.Key)).Take(cap).ToList();
            sum.Clear();
            foreach (var (key, weight) in keep)
            {
                sum.Add(key, weight);
            }
        }
    }

    /// <summary>The IDF-weighted norm of a sub-vector, recomputed when the story changed or the stream's stories grew by a tenth.</summary>
    public double Norm(StoryField field, TermStatistics terms)
    {
        if (_normsAt < 0 || terms.Stories > _normsAt * 1.1 + 10)
        {
            for (var f = 0; f < _sums.Length; f++)
            {
                _norms[f] = VectorMath.Norm(_sums[f], terms);
            }

            _normsAt = terms.Stories;
        }

        return _norms[(int)field];
    }
}
