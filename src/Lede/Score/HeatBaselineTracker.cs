namespace Lede.Score;

/// <summary>The heat baseline of a changing set of stories, kept up to date one story at a time.</summary>
/// <remarks>
/// Always equal to <see cref="HeatBaseline.ProvidersPerHour"/> over the stories' latest activity, but a story's change costs
/// a binary search and a move in one sorted list instead of a pass over every article of the window: the curator asks
/// for λ at every article, and the window may hold a hundred thousand of them. Not thread-safe.
/// </remarks>
public sealed class HeatBaselineTracker
{
    private readonly Dictionary<long, double> _rateOf = [];
    private readonly List<double> _sorted = [];

    /// <summary>λ over the stories tracked now.</summary>
    public double ProvidersPerHour => HeatBaseline.FromSortedRates(_sorted);

    /// <summary>Stories whose rate counts.</summary>
    public int Count => _sorted.Count;

    /// <summary>Records a story's activity now, replacing what it had; one that does not count (see <see cref="HeatBaseline.Rate"/>) is dropped.</summary>
    public void Set(long story, StoryActivity? activity)
    {
        Remove(story);
        if (HeatBaseline.Rate(activity) is not { } rate)
        {
            return;
        }

        _rateOf[story] = rate;
        var at = _sorted.BinarySearch(rate);
        _sorted.Insert(at < 0 ? ~at : at, rate);
    }

    /// <summary>Forgets a story (merged away or out of the window).</summary>
    public void Remove(long story)
    {
        if (_rateOf.Remove(story, out var rate))
        {
            _sorted.RemoveAt(_sorted.BinarySearch(rate));
        }
    }
}
