using System.Globalization;

namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    // Two stories of one kind of event years apart (two emergency patches, two cable cuts) share the topic's words and names, and
    // without publication times only the years the texts name tell them apart. A report dates itself in its lead ("18 September
    // 2013"); a story whose texts name years, all of them earlier than that, was written before it.

    // Two stories both take the document: the bigger sum wins on the raw score, since it holds more of the topic's words. When the
    // document's lead names a year that the best story's texts predate and the runner-up's name, the document joins the runner-up.
    // Full-text documents only (as key details): a headline's year is seldom its date.
    private CandidateScore ChooseByYears(DocumentVectors doc, CandidateScore best, CandidateScore? second, double threshold, List<string> why)
    {
        if (!_options.YearOrder || doc.Published is not null || doc.Keys(StoryField.All).Length < _options.DetailMinTerms || second is not { } rival || rival.Score < threshold || !Check(doc, rival).Passed)
        {
            return best;
        }

        var year = LatestYear(doc[StoryField.Lead]);
        var before = year == 0 ? 0 : LatestYear(best.Story[StoryField.All]);
        if (before == 0 || before >= year || !NamesYear(rival.Story[StoryField.All], year))
        {
            return best;
        }

        why.Add(string.Create(CultureInfo.InvariantCulture,
            $"years: the article's lead names {year}, story {best.Story.Id} names no year after {before}, runner-up story {rival.Story.Id} names {year}: joins story {rival.Story.Id}"));
        return rival;
    }

    // Stories of different times, one of them undated: one story's leads name a year later than any the other story's texts name (and it
    // names some). Full text only: a headline that names a year names a season or a fiscal quarter more often than its own date.
    private bool YearsApart(StoryState a, StoryState b)
        => _options.YearOrder && (a.Oldest is null || b.Oldest is null) && Math.Min(a.MeanTerms, b.MeanTerms) >= _options.DetailMinTerms
            && (Predates(a, b) || Predates(b, a));

    private bool Predates(StoryState older, StoryState newer)
    {
        var year = LatestYear(newer[StoryField.Lead]);
        var before = year == 0 ? 0 : LatestYear(older[StoryField.All]);
        return before > 0 && before < year;
    }

    // The latest year the vector holds (0 when none).
    private int LatestYear(TermWeights vector)
    {
        var terms = _featurizer.Terms;
        var latest = 0;
        foreach (var (key, _) in vector)
        {
            latest = Math.Max(latest, YearOf(terms.Name(key)));
        }

        return latest;
    }

    private bool NamesYear(TermWeights vector, int year)
    {
        var terms = _featurizer.Terms;
        foreach (var (key, _) in vector)
        {
            if (YearOf(terms.Name(key)) == year)
            {
                return true;
            }
        }

        return false;
    }

    private static int YearOf(string name) => StoryWords.IsYear(name) ? int.Parse(name, CultureInfo.InvariantCulture) : 0;
}
