namespace Lede.Enrich;

/// <summary>What one sweep of the image cache did: files deleted (expired or over the quota) and what is left.</summary>
/// <param name="Expired">Files deleted because they were older than <see cref="ImageCacheOptions.MaxAge"/>.</param>
/// <param name="Evicted">Files deleted, oldest first, to bring the cache under <see cref="ImageCacheOptions.MaxTotalBytes"/>.</param>
/// <param name="FreedBytes">The bytes the deleted files took.</param>
/// <param name="KeptFiles">The images left in the cache.</param>
/// <param name="KeptBytes">The bytes the images left take.</param>
public sealed record ImageSweep(int Expired, int Evicted, long FreedBytes, int KeptFiles, long KeptBytes);
