using System.Globalization;

namespace Lede.Classify;

/// <summary>The rules layer: weighted phrases found on word boundaries, title matches boosted, exclusions veto.</summary>
/// <remarks>
/// A topic's evidence is Σ weight × (2 if in the title + (1 + ln n) for n matches in the text); its score is
/// 1 − e^(−evidence / 3), so one weight-3 phrase in the text scores 0.63 and in the title 0.86.
/// </remarks>
public sealed class TopicRules
{
    /// <value>Default: 0.5; a rule score at or above it makes the label.</value>
    public const double Threshold = 0.5;

    private const double TitleBoost = 2;
    private const double Scale = 3;

    private readonly Taxonomy _taxonomy;
    private readonly Dictionary<string, List<(int Topic, string[] Tokens, double Weight, bool Exclusion)>> _byFirst = new(StringComparer.Ordinal);

    /// <summary>Compiles the phrases of every topic.</summary>
    public TopicRules(Taxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        for (var t = 0; t < taxonomy.Topics.Count; t++)
        {
            var topic = taxonomy.Topics[t];
            foreach (var phrase in topic.Phrases)
            {
                Add(t, phrase.Text, phrase.Weight, exclusion: false);
            }

            foreach (var exclusion in topic.Exclusions)
            {
                Add(t, exclusion, 0, exclusion: true);
            }
        }
    }

    /// <summary>The rule score of every topic with any evidence (or an exclusion), highest first.</summary>
    public IReadOnlyList<TopicScore> Score(string? title, string? text)
    {
        var count = _taxonomy.Topics.Count;
        var titleHits = new Dictionary<(int, string), int>();
        var textHits = new Dictionary<(int, string), int>();
        Match(TopicTokens.Tokenize(title), titleHits);
        Match(TopicTokens.Tokenize(text), textHits);

        var scores = new List<TopicScore>();
        for (var t = 0; t < count; t++)
        {
            var topic = _taxonomy.Topics[t];
            var excluded = topic.Exclusions.FirstOrDefault(e => titleHits.ContainsKey((t, Key(e))) || textHits.ContainsKey((t, Key(e))));
            var reasons = new List<string>();
            var evidence = 0.0;
            foreach (var phrase in topic.Phrases)
            {
                var key = Key(phrase.Text);
                var inTitle = titleHits.ContainsKey((t, key));
                var n = textHits.GetValueOrDefault((t, key));
                if (!inTitle && n == 0)
                {
                    continue;
                }

                var part = phrase.Weight * ((inTitle ? TitleBoost : 0) + (n > 0 ? 1 + Math.Log(n) : 0));
                evidence += part;
                var where = string.Join(", ", new[] { inTitle ? "title" : null, n > 0 ? $"text ×{n}" : null }.OfType<string>());
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"phrase '{phrase.Text}' in {where} (+{part:0.##})"));
            }

            if (excluded is not null && reasons.Count > 0)
            {
                scores.Add(new TopicScore(topic.Name, 0, [$"excluded by '{excluded}'", .. reasons]));
            }
            else if (reasons.Count > 0)
            {
                scores.Add(new TopicScore(topic.Name, 1 - Math.Exp(-evidence / Scale), reasons));
            }
        }

        return [.. scores.OrderByDescending(s => s.Score)];
    }

    private void Add(int topic, string phrase, double weight, bool exclusion)
    {
        var tokens = TopicTokens.Tokenize(phrase).ToArray();
        if (tokens.Length == 0)
        {
            return;
        }

        if (!_byFirst.TryGetValue(tokens[0], out var list))
        {
            _byFirst[tokens[0]] = list = [];
        }

        list.Add((topic, tokens, weight, exclusion));
    }

    private void Match(IReadOnlyList<string> tokens, Dictionary<(int, string), int> hits)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirst.TryGetValue(tokens[i], out var candidates))
            {
                continue;
            }

            // The longest phrase of a topic at a position wins: "facial recognition technology" is not also "facial recognition".
            var longest = new Dictionary<(int, bool), string[]>();
            foreach (var (topic, phrase, _, exclusion) in candidates)
            {
                if (i + phrase.Length <= tokens.Count && Matches(tokens, i, phrase)
                    && (!longest.TryGetValue((topic, exclusion), out var best) || best.Length < phrase.Length))
                {
                    longest[(topic, exclusion)] = phrase;
                }
            }

            foreach (var ((topic, _), phrase) in longest)
            {
                var key = (topic, string.Join(' ', phrase));
                hits[key] = hits.GetValueOrDefault(key) + 1;
            }
        }
    }

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(tokens[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(string phrase) => string.Join(' ', TopicTokens.Tokenize(phrase));
}
