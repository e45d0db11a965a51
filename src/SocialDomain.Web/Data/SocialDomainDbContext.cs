using Microsoft.EntityFrameworkCore;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data;

public class SocialDomainDbContext(DbContextOptions<SocialDomainDbContext> options) : DbContext(options)
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

    public DbSet<KpiMeasurement> KpiMeasurements => Set<KpiMeasurement>();

    public DbSet<KpiReferenceValue> KpiReferenceValues => Set<KpiReferenceValue>();

    public DbSet<KpiCommentary> KpiCommentaries => Set<KpiCommentary>();

    public DbSet<BenchmarkObservation> BenchmarkObservations => Set<BenchmarkObservation>();

    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SocialDomainDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in psql, in dumps and in exports.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Default for amounts and values: exact numeric; money columns narrow this per property.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }
}
