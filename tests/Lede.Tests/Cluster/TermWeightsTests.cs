using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class TermWeightsTests
{
    [Fact]
    public void Sums_weights_per_key_and_says_which_keys_are_new()
    {
        var weights = new TermWeights();

        weights.Add(7, 1.5f).ShouldBeTrue();
        weights.Add(7, 2f).ShouldBeFalse();
        weights.Add(0, 1f).ShouldBeTrue();

        weights.Count.ShouldBe(2);
        weights.TryGetValue(7, out var seven).ShouldBeTrue();
        seven.ShouldBe(3.5f);
        weights.TryGetValue(8, out var missing).ShouldBeFalse();
        missing.ShouldBe(0f);
        weights.ContainsKey(0).ShouldBeTrue();
    }

    [Fact]
    public void Enumerates_in_insertion_order_across_growth_as_a_dictionary_would()
    {
        var weights = new TermWeights();
        var reference = new Dictionary<int, float>();
        var random = new Random(5);
        for (var i = 0; i < 5_000; i++)
        {
            var key = random.Next(3_000) * 64;
            var weight = (float)random.NextDouble();
            weights.Add(key, weight);
            reference[key] = reference.GetValueOrDefault(key) + weight;
        }

        weights.ToList().ShouldBe(reference.ToList());
    }

    [Fact]
    public void Clear_empties_the_table_and_it_fills_again_in_the_new_order()
    {
        var weights = new TermWeights();
        for (var i = 0; i < 100; i++)
        {
            weights.Add(i, 1f);
        }

        weights.Clear();
        weights.Add(42, 2f);
        weights.Add(3, 1f);

        weights.Count.ShouldBe(2);
        weights.Select(p => p.Key).ShouldBe([42, 3]);
        weights.ContainsKey(50).ShouldBeFalse();
    }
}
