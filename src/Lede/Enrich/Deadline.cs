using System.Diagnostics;

namespace Lede.Enrich;

/// <summary>A point in time after which the extractor returns what it has.</summary>
/// <remarks>
/// Passed only once both the time budget is spent and a minimum of work has been done: on a machine so busy that a
/// normal page takes longer than the budget (a cold start, a loaded shared host), the page still gets its text,
/// while a pathological page is still cut off.
/// </remarks>
internal sealed class Deadline(TimeSpan budget, int minimumChecks = Deadline.MinimumChecks)
{
    /// <value>About what a large ordinary page needs; a pathological one runs far past it.</value>
    public const int MinimumChecks = 200_000;

    private readonly long _start = Stopwatch.GetTimestamp();
    private int _checks;

    public bool Passed => ++_checks > minimumChecks && Stopwatch.GetElapsedTime(_start) > budget;
}
