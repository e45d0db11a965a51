using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data;

namespace SocialDomain.Web.Features.Accounts;

/// <summary>One transaction for an account change and its audit row (Identity's UserManager saves after every step).</summary>
public static class AccountTransaction
{
    /// <summary>
    /// Runs <paramref name="change"/> in one transaction, committed only when <paramref name="commit"/> says the outcome is a
    /// change; an error in any step, the audit row included, rolls everything back. Inside the app's retrying execution
    /// strategy, like the importer.
    /// </summary>
    public static Task<T> RunAsync<T>(SocialDomainDbContext db, Func<Task<T>> change, Func<T, bool> commit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await change();
                if (commit(result))
                {
                    await transaction.CommitAsync(ct);
                }

                return result;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }, cancellationToken);

    /// <summary>An Identity step that failed ends the change (the transaction is rolled back).</summary>
    public static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Accountwijziging mislukt: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
