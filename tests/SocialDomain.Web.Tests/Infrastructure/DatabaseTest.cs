namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>Base class for tests that touch the database: each test starts from empty tables.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class DatabaseTest(TestDatabase database) : IAsyncLifetime
{
    protected TestDatabase Database { get; } = database;

    public virtual Task InitializeAsync() => Database.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
