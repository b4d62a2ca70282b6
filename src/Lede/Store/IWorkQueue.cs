using Lede.Sources;

namespace Lede.Store;

/// <summary>Work shared by several <c>lede worker</c> processes on one database: due sources and pending pages, each claimed under a lease, and named leases for work only one may do at a time.</summary>
/// <remarks>
/// A lease is a claim with an expiry: a worker that dies leaves its claims to lapse, and another picks the work up.
/// Claims never block (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>); every step can be repeated, so a lapsed claim
/// redone costs time, never a duplicate.
/// </remarks>
public interface IWorkQueue
{
    /// <summary>Claims up to <paramref name="max"/> sources due at <paramref name="now"/> that no live lease holds, for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<Source>> ClaimSourcesAsync(string owner, DateTime now, TimeSpan lease, int max, CancellationToken ct);

    /// <summary>Records a claimed source's state after its fetch and lets its lease go; <paramref name="url"/> moves it (a permanent redirect).</summary>
    Task FinishSourceAsync(long id, string owner, SourceState state, string? url, CancellationToken ct);

    /// <summary>Queues pages to read, each under its link; a link already queued stays as it is. Returns how many were new.</summary>
    Task<int> EnqueuePagesAsync(long sourceId, IReadOnlyList<(string Link, string Item)> pages, CancellationToken ct);

    /// <summary>Claims up to <paramref name="max"/> queued pages that no live lease holds, oldest first.</summary>
    Task<IReadOnlyList<QueuedPage>> ClaimPagesAsync(string owner, TimeSpan lease, int max, CancellationToken ct);

    /// <summary>Removes pages whose articles are stored.</summary>
    Task CompletePagesAsync(IReadOnlyList<long> ids, CancellationToken ct);

    /// <summary>Takes the named lease for <paramref name="lease"/> when it is free, lapsed or already <paramref name="owner"/>'s; null when another holds it.</summary>
    /// <returns>The lease's turn before this one: a worker that did not take the previous turn itself knows that others changed what the lease guards.</returns>
    Task<long?> TryTakeLeaseAsync(string name, string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>Extends the named lease <paramref name="owner"/> took by <paramref name="lease"/> from now; false when it is no longer theirs (it lapsed and another took it).</summary>
    /// <remarks>A holder renews while it works, so a slow turn keeps the lease and only a dead holder's lapses.</remarks>
    Task<bool> RenewLeaseAsync(string name, string owner, TimeSpan lease, CancellationToken ct);

    /// <summary>Lets the named lease go, if <paramref name="owner"/> holds it.</summary>
    Task ReleaseLeaseAsync(string name, string owner, CancellationToken ct);

    /// <summary>How much work is left: sources due at <paramref name="now"/> (leased or not) and queued pages.</summary>
    Task<(int DueSources, int QueuedPages)> BacklogAsync(DateTime now, CancellationToken ct);
}
