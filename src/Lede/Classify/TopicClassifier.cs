using System.Globalization;

namespace Lede.Classify;

/// <summary>Rules and a learned model together: each topic's score is the higher of the two, and a child implies its parent.</summary>
/// <remarks>
/// A topic is assigned when its rule score reaches <see cref="TopicRules.Threshold"/> or its model score reaches the
/// model's threshold for it. An assigned child assigns its parents with at least the child's score.
/// </remarks>
public sealed class TopicClassifier
{
    private readonly Taxonomy _taxonomy;
    private readonly TopicRules _rules;
    private readonly TopicModel? _model;

    /// <summary>A classifier from a taxonomy (rules, hierarchy) and an optional model (its labels may or may not be topics of the taxonomy).</summary>
    public TopicClassifier(Taxonomy taxonomy, TopicModel? model = null)
    {
        _taxonomy = taxonomy;
        _rules = new TopicRules(taxonomy);
        _model = model;
    }

    /// <summary>Classifies one article; empty or missing text gives no labels, never an exception.</summary>
    public TopicClassification Classify(string? title, string? text)
    {
        var scores = new Dictionary<string, (double Score, List<string> Reasons)>(StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in _rules.Score(title, text))
        {
            scores[rule.Topic] = (rule.Score, [.. rule.Reasons.Select(r => "rule: " + r)]);
            if (rule.Score >= TopicRules.Threshold)
            {
                assigned.Add(rule.Topic);
            }
        }

        if (_model is not null)
        {
            var modelScores = _model.Score(title, text);
            for (var c = 0; c < modelScores.Count; c++)
            {
                var m = modelScores[c];
                var reasons = new List<string> { string.Create(CultureInfo.InvariantCulture, $"model: {m.Score:0.###} (threshold {_model.Thresholds[c]:0.###})") };
                reasons.AddRange(m.Reasons.Select(r => "model " + r));
                var (score, existing) = scores.GetValueOrDefault(m.Topic, (0, []));
                scores[m.Topic] = (Math.Max(score, m.Score), [.. existing, .. reasons]);
                if (m.Score >= _model.Thresholds[c])
                {
                    assigned.Add(m.Topic);
                }
            }
        }

        // Hierarchy closure: Computer Vision ⇒ AI, with the child's score as the parent's floor.
        foreach (var child in assigned.ToList())
        {
            foreach (var parent in _taxonomy.Ancestors(child))
            {
                var (score, reasons) = scores.GetValueOrDefault(parent, (0, []));
                scores[parent] = (Math.Max(score, scores[child].Score), [.. reasons, $"implied by {child}"]);
                assigned.Add(parent);
            }
        }

        var ordered = scores.Select(kv => new TopicScore(kv.Key, Math.Round(kv.Value.Score, 6), kv.Value.Reasons))
            .Where(s => s.Score > 0 || assigned.Contains(s.Topic) || s.Reasons.Count > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Topic, StringComparer.Ordinal).ToList();
        return new TopicClassification([.. ordered.Where(s => assigned.Contains(s.Topic)).Select(s => s.Topic)], ordered);
    }
}
