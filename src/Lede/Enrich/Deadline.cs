using System.Diagnostics;

namespace Lede.Enrich;

/// <summary>A point in time after which the extractor returns what it has.</summary>
internal sealed class Deadline(TimeSpan budget)
{
    private readonly long _start = Stopwatch.GetTimestamp();

    public bool Passed => Stopwatch.GetElapsedTime(_start) > budget;
}
