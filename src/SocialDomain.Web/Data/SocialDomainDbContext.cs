using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data;

/// <summary>
/// The one DbContext: the dashboard's data, the Identity accounts and the Data Protection keys
/// (shared by every web instance).
/// </summary>
public class SocialDomainDbContext(DbContextOptions<SocialDomainDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<MunicipalityCharacteristics> MunicipalityCharacteristics => Set<MunicipalityCharacteristics>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<TaskField> TaskFields => Set<TaskField>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectBudget> ProjectBudgets => Set<ProjectBudget>();

    public DbSet<ReserveMovement> ReserveMovements => Set<ReserveMovement>();

    public DbSet<Kpi> Kpis => Set<Kpi>();

    public DbSet<KpiTarget> KpiTargets => Set<KpiTarget>();

    public DbSet<KpiDefinitionVersion> KpiDefinitionVersions => Set<KpiDefinitionVersion>();

    public DbSet<UserProgramme> UserProgrammes => Set<UserProgramme>();

    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();

    public DbSet<KpiReferenceValue> KpiReferenceValues => Set<KpiReferenceValue>();

    public DbSet<KpiCommentary> KpiCommentaries => Set<KpiCommentary>();

    public DbSet<KpiCommentaryVersion> KpiCommentaryVersions => Set<KpiCommentaryVersion>();

    public DbSet<KpiMeasurementVersion> KpiMeasurementVersions => Set<KpiMeasurementVersion>();

    public DbSet<BenchmarkObservation> BenchmarkObservations => Set<BenchmarkObservation>();

    /// <summary>The benchmark's menu: the DISTINCT domain/task field/year/stage of the observations, kept on every write (ADR 0016).</summary>
    public DbSet<BenchmarkCatalogueEntry> BenchmarkCatalogue => Set<BenchmarkCatalogueEntry>();

    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();

    public DbSet<ExplanationThresholdSetting> ExplanationThresholdSettings => Set<ExplanationThresholdSetting>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    public DbSet<ImportDraft> ImportDrafts => Set<ImportDraft>();

    public DbSet<QuarterPublication> QuarterPublications => Set<QuarterPublication>();

    public DbSet<PublishedFigure> PublishedFigures => Set<PublishedFigure>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity names its tables AspNet*; keep the schema snake_case like everything else.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRole>().ToTable("roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(SocialDomainDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in psql, in dumps and in exports.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Default for amounts and values: exact numeric; money columns narrow this per property.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
