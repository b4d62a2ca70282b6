using Lede.Storage.Postgres;
using Npgsql;

namespace Lede.Storage.Tests;

public sealed class PostgresConnectionStringTests
{
    private static NpgsqlConnectionStringBuilder Parse(string db) => new(PostgresConnectionString.From(db));

    [Fact]
    public void A_url_gives_user_password_host_port_and_database_percent_decoded()
    {
        var b = Parse("postgres://lede%40desk:p%40ss%3Aw%2Ford@db.example.org:6543/news%20room");

        (b.Username, b.Password, b.Host, b.Port, b.Database).ShouldBe(("lede@desk", "p@ss:w/ord", "db.example.org", 6543, "news room"));
    }

    [Fact]
    public void Url_options_are_passed_through_under_their_Npgsql_names()
    {
        var b = Parse("postgresql://u@localhost/lede?sslmode=verify-full&application_name=lede%20worker&connect_timeout=7&Maximum%20Pool%20Size=9");

        (b.SslMode, b.ApplicationName, b.Timeout, b.MaxPoolSize, b.Port).ShouldBe((SslMode.VerifyFull, "lede worker", 7, 9, 5432));
    }

    [Fact]
    public void Several_hosts_and_IPv6_addresses_are_understood()
    {
        Parse("postgres://u@[::1]:5433/lede").Host.ShouldBe("::1");
        Parse("postgres://u@a.example:5433,b.example:5434/lede").Host.ShouldBe("a.example:5433,b.example:5434");
    }

    [Fact]
    public void A_connection_string_is_kept()
        => Parse("Host=127.0.0.1;Port=55432;Username=postgres;Database=lede").Database.ShouldBe("lede");

    [Theory]
    [InlineData("postgres://u:s3cret@localhost/lede?nonsense=1")]
    [InlineData("postgres://u:s3cret@localhost:notaport/lede")]
    [InlineData("Host=localhost;Password=s3cret;Nonsense=1")]
    public void A_bad_url_is_one_clear_line_without_the_password(string db)
    {
        var e = Should.Throw<InvalidOperationException>(() => PostgresConnectionString.From(db));

        e.Message.ShouldNotContain("s3cret");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void A_server_that_is_not_there_is_one_line_naming_it_and_never_the_password()
    {
        var e = Should.Throw<InvalidOperationException>(() => StoreFactory.Open("postgres://lede:s3cret@127.0.0.1:1/lede"));

        e.Message.ShouldBe("cannot connect to PostgreSQL at 127.0.0.1:1/lede: connection refused");
    }

    [Fact]
    public void A_database_that_does_not_exist_is_named()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresDatabase.Server) { Database = "lede_no_such_database", Password = "s3cret" };

        var e = Should.Throw<InvalidOperationException>(() => StoreFactory.Open(server.ConnectionString));

        e.Message.ShouldBe($"cannot connect to PostgreSQL at {server.Host}:{server.Port}/lede_no_such_database: database \"lede_no_such_database\" does not exist");
    }

    [Fact]
    public async Task A_postgres_url_opens_a_migrated_PostgresStore()
    {
        using var database = PostgresDatabase.Create();
        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);

        await using var store = StoreFactory.Open($"postgres://{b.Username}@{b.Host}:{b.Port}/{database.Name}");

        store.ShouldBeOfType<PostgresStore>();
        (await store.SchemaVersionAsync(default)).ShouldBe(PostgresMigrator.Scripts[^1].Version);
    }
}
