namespace Lede.Score;

/// <summary>When each provider joined the story.</summary>
public sealed partial class HeatCalculator
{
    private const string UnknownProvider = "(unknown provider)";

    /// <summary>Per provider, when it joined (its earliest article time) and its newest article time; members without a usable time count as providers only.</summary>
    private Dictionary<string, (DateTimeOffset Joined, DateTimeOffset Newest)> Arrivals(
        IReadOnlyList<HeatMember?> members, DateTimeOffset now, out int providers, out List<string> notes)
    {
        var arrivals = new Dictionary<string, (DateTimeOffset Joined, DateTimeOffset Newest)>(StringComparer.OrdinalIgnoreCase);
        var all = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        notes = [];
        var future = 0;
        foreach (var member in members)
        {
            if (member is null)
            {
                continue;
            }

            var provider = string.IsNullOrWhiteSpace(member.Provider) ? UnknownProvider : member.Provider.Trim().TrimEnd('.');
            all.Add(provider);
            if (member.PublishedAt is not { } published)
            {
                continue;
            }

            // A publication time far ahead is a broken date, not news from the future; within the tolerance it is clock skew.
            if (published - now > FutureTolerance)
            {
                future++;
                continue;
            }

            // An article cannot have been published after Lede saw it: the earlier time wins, and neither counts past now.
            var time = member.FirstSeenAt is { } seen && seen < published ? seen : published;
            time = time > now ? now : time;
            arrivals[provider] = arrivals.TryGetValue(provider, out var known)
                ? (time < known.Joined ? time : known.Joined, time > known.Newest ? time : known.Newest)
                : (time, time);
        }

        if (future > 0)
        {
            notes.Add($"{future} publication time(s) more than {Hours(FutureTolerance)} h in the future ignored");
        }

        providers = all.Count;
        return arrivals;
    }
}
