using Lede.Cluster;

namespace Lede.Tests.Cluster;

public sealed class StoryVocabularyTests
{
    [Fact]
    public void Gives_each_word_one_slot_across_growth()
    {
        var vocabulary = new StoryVocabulary();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 20_000; i++)
        {
            var word = "w" + (i % 7_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var slot = vocabulary.Slot(word);
            slots.TryAdd(word, slot).ShouldBe(i < 7_000, word);
            slot.ShouldBe(slots[word]);
            vocabulary.Text(slot).ShouldBe(word);
        }

        vocabulary.Count.ShouldBe(7_000);
        slots.Values.Distinct().Count().ShouldBe(7_000);
    }

    [Fact]
    public void Forgotten_words_free_their_slots_and_the_rest_are_still_found()
    {
        var vocabulary = new StoryVocabulary();
        var terms = new TermStatistics(10);
        var kept = Enumerable.Range(0, 500).Select(i => "kept" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var dropped = Enumerable.Range(0, 500).Select(i => "gone" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var keptSlots = kept.ConvertAll(w => vocabulary.Slot(w));
        var droppedSlots = dropped.ConvertAll(w => vocabulary.Slot(w));
        foreach (var slot in keptSlots.Concat(droppedSlots))
        {
            vocabulary.TermId(slot, terms);
        }

        var keep = new bool[terms.IdLimit];
        foreach (var slot in keptSlots)
        {
            keep[vocabulary.TermId(slot, terms)] = true;
        }

        terms.Prune(keep);
        vocabulary.Forget(terms);

        vocabulary.Count.ShouldBe(500);
        kept.ConvertAll(w => vocabulary.Slot(w)).ShouldBe(keptSlots);
        var again = vocabulary.Slot("gone0");
        droppedSlots.ShouldContain(again);
        vocabulary.Text(again).ShouldBe("gone0");
        vocabulary.Count.ShouldBe(501);
    }
}
