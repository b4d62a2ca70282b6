using System.Globalization;

namespace Lede.Cluster;

public sealed partial class StoryClusterer
{
    private static readonly string[] FieldNames = ["all", "lead", "title", "entities"];
    private readonly System.Text.StringBuilder _detailText = new();


    // Σ w·cos over the fields the document has, renormalised so a headline-only or name-less document is not penalised;
    // then scaled by the Gaussian of the gap to the story's time span. Null when the story is outside the window.
    private double[] DocumentNorms(DocumentVectors doc)
    {
        var norms = new double[DocumentVectors.FieldCount];
        for (var f = 0; f < norms.Length; f++)
        {
            norms[f] = VectorMath.Norm(doc.Weights((StoryField)f), doc.Idf((StoryField)f));
        }

        return norms;
    }

    private CandidateScore? Score(DocumentVectors doc, double[] docNorms, StoryState story)
    {
        var terms = _featurizer.Terms;
        double? gap = null;
        var timeFactor = 1.0;
        if (doc.Published is { } published && story.Oldest is { } oldest && story.Newest is { } newest)
        {
            var days = published < oldest ? (oldest - published).TotalDays : published > newest ? (published - newest).TotalDays : 0;
            if (days > _options.WindowDays)
            {
                return null;
            }

            gap = days;
            var sigma = Math.Max(_options.TimeSigmaDays, 1e-6);
            timeFactor = _options.TimeFloor + ((1 - _options.TimeFloor) * Math.Exp(-(days * days) / (2 * sigma * sigma)));
        }

        var weights = _weights;
        var cosines = new double[DocumentVectors.FieldCount];
        double text = 0, total = 0;
        for (var f = 0; f < cosines.Length; f++)
        {
            var field = (StoryField)f;
            if (doc.Keys(field).Length == 0)
            {
                continue;
            }

            total += weights[f];
            var norms = docNorms[f] * story.Norm(field, terms);
            cosines[f] = norms > 0 ? VectorMath.Dot(doc, field, story[field], terms) / norms : 0;
            text += weights[f] * cosines[f];
        }

        var match = MatchDetails(doc, story);
        var detail = match switch
        {
            DetailMatch.Conflict => _options.DetailConflictFactor,
            DetailMatch.Agree => _options.DetailAgreeFactor,
            _ => 1.0,
        };
        return new CandidateScore(story, cosines, total > 0 ? text / total : 0, timeFactor, gap, match, detail);
    }

    // The guard against over-merging: a good score alone does not join unless it is strong; otherwise the document must
    // share distinctive names or headline words with the story (a shared topic and day share neither).
    private JoinCheck Check(DocumentVectors doc, CandidateScore best)
    {
        var entities = Shared(doc[StoryField.Entities], best.Story[StoryField.Entities], singleWords: true);
        var title = Shared(doc[StoryField.Title], best.Story[StoryField.Title], singleWords: false);
        var inv = CultureInfo.InvariantCulture;
        if (best.Score >= _options.StrongThreshold)
        {
            return new JoinCheck(true, entities, title, string.Create(inv, $"second check passed: score {best.Score:0.000} ≥ strong {_options.StrongThreshold:0.000}"));
        }

        if (entities.Count >= _options.MinSharedEntities)
        {
            return new JoinCheck(true, entities, title, $"second check passed: {entities.Count} distinctive shared entities ≥ {_options.MinSharedEntities}");
        }

        if (title.Count >= _options.MinSharedTitleTerms)
        {
            return new JoinCheck(true, entities, title, $"second check passed: {title.Count} distinctive shared title terms ≥ {_options.MinSharedTitleTerms}");
        }

        return new JoinCheck(false, entities, title, string.Create(inv,
            $"second check failed: {entities.Count} shared entities < {_options.MinSharedEntities}, {title.Count} shared title terms < {_options.MinSharedTitleTerms}, score {best.Score:0.000} < strong {_options.StrongThreshold:0.000}"));
    }

    // The distinctive keys both sides hold, the most distinctive first (ties by id), as display names; single words only when asked.
    private List<string> Shared(TermWeights doc, TermWeights story, bool singleWords)
    {
        var terms = _featurizer.Terms;
        var floor = _options.DistinctiveIdfShare * terms.MaxIdf;
        var keys = _sharedBuffer;
        keys.Clear();
        foreach (var (key, _) in doc)
        {
            if (story.ContainsKey(key) && terms.Idf(key) >= floor && (!singleWords || !terms.Name(key).Contains(' ', StringComparison.Ordinal)))
            {
                keys.Add((key, terms.Idf(key)));
            }
        }

        keys.Sort(static (a, b) =>
        {
            var c = b.Idf.CompareTo(a.Idf);
            return c != 0 ? c : a.Key.CompareTo(b.Key);
        });
        var names = new List<string>(keys.Count);
        foreach (var (key, _) in keys)
        {
            names.Add(StoryFeaturizer.Display(terms.Name(key)));
        }

        return names;
    }

    private List<string> Explain(DocumentVectors doc, CandidateScore best, CandidateScore? second, JoinCheck check, double threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new string[FieldNames.Length];
        for (var f = 0; f < parts.Length; f++)
        {
            parts[f] = string.Create(inv, $"{FieldNames[f]} {best.Cosines[f]:0.00}");
        }

        var why = new List<string>
        {
            string.Create(inv, $"best story {best.Story.Id} ({best.Story.Members.Count} articles): score {best.Score:0.000} = text {best.Text:0.000} ({string.Join(", ", parts)}) × time {best.TimeFactor:0.00} × details {best.Detail:0.00} ({DetailWords(best)}); join threshold {threshold:0.000}"),
        };
        var terms = _featurizer.Terms;
        var shared = TopShared(doc, best.Story[StoryField.All], 8);
        why.Add(shared.Count > 0 ? $"shared terms: {string.Join(", ", shared)}" : "shared terms: none");
        why.Add(check.SharedEntities.Count > 0 ? $"shared entities: {string.Join(", ", check.SharedEntities.Take(8))}" : "shared entities: none distinctive");
        why.Add(best.GapDays is { } gap
            ? string.Create(inv, $"time gap {gap:0.0} days to the story's span (σ {_options.TimeSigmaDays:0.#} days)")
            : "time gap unknown: no publication time on one side");
        if (second is { } s)
        {
            why.Add(string.Create(inv, $"runner-up story {s.Story.Id}: score {s.Score:0.000}"));
        }

        why.Add(best.Score >= threshold ? check.Reason : string.Create(inv, $"score {best.Score:0.000} below join threshold {threshold:0.000}"));
        return why;
    }

    // "agree: article a, b; story c, d" without LINQ or substrings: it is written for every article that has a candidate.
    private string DetailWords(CandidateScore best)
    {
        var text = _detailText.Clear();
        text.Append(best.Match switch
        {
            DetailMatch.Agree => "agree: article ",
            DetailMatch.Conflict => "differ: article ",
            _ => "neutral: article ",
        });
        AppendNames(text, _docDetails, _docDetailCount);
        text.Append("; story ");
        AppendNames(text, best.Story.Details, best.Story.DetailCount);
        return text.ToString();
    }

    private void AppendNames(System.Text.StringBuilder text, int[] keys, int count)
    {
        if (count == 0)
        {
            text.Append("none");
        }

        for (var i = 0; i < count; i++)
        {
            var name = _featurizer.Terms.Name(keys[i]);
            text.Append(i > 0 ? ", " : "").Append(StoryFeaturizer.IsEntity(name) ? name.AsSpan(1) : name);
        }
    }

    // The count shared keys with the highest document weight × IDF, highest first (ties in the document's order), as names.
    private List<string> TopShared(DocumentVectors doc, TermWeights story, int count)
    {
        var terms = _featurizer.Terms;
        var best = _topPicked;
        best.Clear();
        var keys = doc.Keys(StoryField.All);
        var weights = doc.Weights(StoryField.All);
        var idf = doc.Idf(StoryField.All);
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (!story.ContainsKey(key))
            {
                continue;
            }

            var w = weights[i] * idf[i];
            if (best.Count == count && w.CompareTo(best[^1].Weight) <= 0)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && w.CompareTo(best[at - 1].Weight) > 0)
            {
                at--;
            }

            if (best.Count == count)
            {
                best.RemoveAt(best.Count - 1);
            }

            best.Insert(at, (key, w, 0));
        }

        var names = new List<string>(best.Count);
        foreach (var entry in best)
        {
            names.Add(terms.Name(entry.Key));
        }

        return names;
    }
}
