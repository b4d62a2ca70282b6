namespace Lede.Storage.Postgres;

/// <summary>Times as PostgreSQL holds them: timestamptz, to the second, like the records (and the SQLite store) keep them.</summary>
internal static class PostgresTime
{
    /// <summary>The parameter for <paramref name="utc"/>: its clock value read as UTC, cut to whole seconds.</summary>
    /// <remarks>A DateTimeOffset, because Dapper sends a DateTime as <c>timestamp</c>, which Npgsql refuses for UTC values.</remarks>
    public static DateTimeOffset Write(DateTime utc)
        => new(DateTime.SpecifyKind(utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Unspecified), TimeSpan.Zero);

    public static DateTimeOffset? Write(DateTime? utc) => utc is { } t ? Write(t) : null;

    /// <summary>A time read back: UTC.</summary>
    public static DateTime Read(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public static DateTime? Read(DateTime? value) => value is { } t ? Read(t) : null;
}
