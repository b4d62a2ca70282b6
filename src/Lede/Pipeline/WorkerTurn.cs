using System.Globalization;

namespace Lede.Pipeline;

/// <summary>What one turn of a worker did.</summary>
/// <param name="Sources">Sources fetched.</param>
/// <param name="Queued">New pages queued from their feeds.</param>
/// <param name="Pages">Queued pages read.</param>
/// <param name="Added">New articles stored.</param>
/// <param name="Known">Pages whose article was already held.</param>
/// <param name="Failures">One line per source or page that failed.</param>
public sealed record WorkerTurn(int Sources, int Queued, int Pages, int Added, int Known, IReadOnlyList<string> Failures)
{
    /// <summary>Whether the turn found nothing to do.</summary>
    public bool Idle => Sources == 0 && Pages == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sources} sources fetched, {Queued} pages queued, {Pages} pages read: {Added} new articles, {Known} already known, {Failures.Count} failures");
}
