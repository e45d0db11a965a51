using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Tests.Reliability;

/// <summary>The pure parts: connection-string defaults, outage classification, correlation ids.</summary>
public class ReliabilityDefaultsTests
{
    [Fact]
    public void Defaults_AreAdded_WhenTheConnectionStringDoesNotSetThem()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseConnectionDefaults.Apply("Host=db;Database=socialdomain;Username=app;Password=x"));

        result.Timeout.Should().Be(DatabaseConnectionDefaults.ConnectTimeoutSeconds);
        result.CommandTimeout.Should().Be(DatabaseConnectionDefaults.CommandTimeoutSeconds);
        result.Options.Should().Be($"-c statement_timeout={DatabaseConnectionDefaults.StatementTimeoutMilliseconds}");
        result.MaxAutoPrepare.Should().Be(DatabaseConnectionDefaults.MaxAutoPrepare);
        result.NoResetOnClose.Should().BeTrue();
        result.Password.Should().Be("x");
        result.Host.Should().Be("db");
    }

    [Fact]
    public void ExplicitSettings_AreKept_EvenWhenTheyEqualNpgsqlsDefaults()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseConnectionDefaults.Apply(
            "Host=db;timeout=15;CommandTimeout=30;Options=-c statement_timeout=500;Max Auto Prepare=0;No Reset On Close=false"));

        result.MaxAutoPrepare.Should().Be(0);
        result.NoResetOnClose.Should().BeFalse();
        result.Timeout.Should().Be(15);
        result.CommandTimeout.Should().Be(30);
        result.Options.Should().Be("-c statement_timeout=500");
    }

    [Fact]
    public void OtherOptions_AreKept_AndTheStatementTimeoutIsAppended()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseConnectionDefaults.Apply("Host=db;Options=-c search_path=dashboard"));

        result.Options.Should().Be($"-c search_path=dashboard -c statement_timeout={DatabaseConnectionDefaults.StatementTimeoutMilliseconds}");
    }

    [Fact]
    public void AnUnparsableConnectionString_IsLeftForTheStartupProbeToReport()
    {
        DatabaseConnectionDefaults.Apply("Host=db;Nonsense=1").Should().Be("Host=db;Nonsense=1");
        DatabaseSetup.Probe("Host=db;Nonsense=1").Should().StartWith("Database niet bereikbaar (ongeldige connection string)");
    }

    [Fact]
    public void Describe_NeverShowsThePassword()
    {
        DatabaseConnectionDefaults.Describe("Host=db;Port=5433;Database=sd;Username=app;Password=Geheim-Wachtwoord-123!")
            .Should().Be("db:5433/sd");
    }

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "broken stream", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()), true },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()), true },
        { "admin_shutdown", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { "statement_timeout", new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014"), true },
        { "too many connections", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"), true },
        { "database gone", new PostgresException("database does not exist", "FATAL", "FATAL", "3D000"), true },
        { "wrapped by EF", new InvalidOperationException("likely transient", new NpgsqlException("x", new SocketException())), true },
        { "retry limit", new RetryLimitExceededException("retried", new NpgsqlException("x", new EndOfStreamException())), true },
        { "in an aggregate", new AggregateException(new InvalidOperationException("a"), new NpgsqlException("b")), true },
        { "missing table is a bug", new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01"), false },
        { "unique violation is a bug", new DbUpdateException("save", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")), false },
        { "plain bug", new NullReferenceException(), false },
        { "timeout elsewhere", new TimeoutException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Outages_AreToldApartFromBugs(string why, Exception exception, bool unavailable) =>
        DatabaseFailure.IsUnavailable(exception).Should().Be(unavailable, why);

    [Fact]
    public void TimeOuts_AreRecognised_SoTheyAreNotRetried()
    {
        DatabaseFailure.IsTimeout(new NpgsqlException("The connection pool has been exhausted", new TimeoutException())).Should().BeTrue();
        DatabaseFailure.IsTimeout(new PostgresException("canceling statement due to statement timeout", "ERROR", "ERROR", "57014")).Should().BeTrue();
        DatabaseFailure.IsTimeout(new PostgresException("terminating connection", "FATAL", "FATAL", "57P01")).Should().BeFalse();
        DatabaseFailure.IsTimeout(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())).Should().BeFalse();
    }

    [Theory]
    [InlineData("abc-123", "abc-123")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("a.b_c-D", "a.b_c-D")]
    [InlineData("", null)]
    [InlineData("abc\n[12:00:00 INF] vervalst", null)]
    [InlineData("abc\n", null)]
    [InlineData("<script>", null)]
    [InlineData("héllo", null)]
    [InlineData("with space", null)]
    public void CorrelationIds_FromTheCaller_AreAcceptedOnlyWhenPlain(string header, string? expected) =>
        CorrelationIdMiddleware.Accept([header]).Should().Be(expected);

    [Fact]
    public void CorrelationIds_AreRefused_WhenTooLongOrRepeated()
    {
        CorrelationIdMiddleware.Accept([new string('a', 64)]).Should().NotBeNull();
        CorrelationIdMiddleware.Accept([new string('a', 65)]).Should().BeNull();
        CorrelationIdMiddleware.Accept(["a", "b"]).Should().BeNull();
        CorrelationIdMiddleware.Accept([]).Should().BeNull();
    }
}
