namespace SocialDomain.Web.Data.Configurations;

/// <summary>PostgreSQL column types shared by the entity configurations.</summary>
internal static class ColumnTypes
{
    /// <summary>Euro amounts, to the cent.</summary>
    public const string Money = "numeric(16,2)";

    /// <summary>Percentages as printed (e.g. 21,3).</summary>
    public const string Percent = "numeric(7,3)";

    /// <summary>€ per inhabitant as printed, one or two decimals.</summary>
    public const string PerInhabitant = "numeric(12,2)";
}
