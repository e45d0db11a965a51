using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SocialDomain.Web.Exports;

/// <summary>
/// Streams an EF Core query row by row. Under a retrying execution strategy (ours:
/// <see cref="Infrastructure.DashboardExecutionStrategy"/>) EF Core buffers every result set completely before
/// returning the first row, so that it can replay it after a connection break; for an export that would put the
/// whole table in memory. The query is therefore compiled under this non-retrying strategy (EF Core decides
/// buffering from <see cref="ExecutionStrategy.Current"/> when the query starts); opening the reader still gets
/// the normal retries.
/// </summary>
public sealed class StreamingQuery : ExecutionStrategy
{
    private StreamingQuery(DbContext context)
        : base(context, maxRetryCount: 0, maxRetryDelay: TimeSpan.Zero)
    {
    }

    public static async IAsyncEnumerable<T> Stream<T>(DbContext db, IQueryable<T> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IAsyncEnumerator<T> enumerator;
        var previous = Current;
        Current = new StreamingQuery(db);
        try
        {
            enumerator = query.AsAsyncEnumerable().GetAsyncEnumerator(cancellationToken);
        }
        finally
        {
            Current = previous;
        }

        await using (enumerator)
        {
            while (await enumerator.MoveNextAsync())
            {
                yield return enumerator.Current;
            }
        }
    }

    protected override bool ShouldRetryOn(Exception exception) => false;
}
