namespace SocialDomain.Web.Tests.Infrastructure;

/// <summary>The real app served by Kestrel on a free loopback port, for browser tests.</summary>
public sealed class ServedDashboard : IAsyncDisposable
{
    private readonly DashboardFactory _factory;

    public ServedDashboard(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new DashboardFactory(connectionString, settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
    }

    public Uri BaseAddress { get; }

    public CommandCounter Commands => _factory.Commands;

    public DashboardFactory Factory => _factory;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
