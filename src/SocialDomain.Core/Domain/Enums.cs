namespace SocialDomain.Core.Domain;

/// <summary>Unit in which a KPI is measured.</summary>
public enum KpiUnit
{
    Percent,
    Weeks,
    Days,
    Score,
    Count,
    Euro,
    EuroPerInhabitant,
    Per10000,
}

/// <summary>Which way is better for a KPI.</summary>
public enum KpiDirection
{
    HigherIsBetter,
    LowerIsBetter,
    WithinBand,
    /// <summary>Descriptive figure (a volume, a share of costs): no better direction, no status.</summary>
    Informative,
}

/// <summary>How often a KPI is measured.</summary>
public enum KpiFrequency
{
    Year,
    Quarter,
}

/// <summary>Policy domain within the social domain.</summary>
public enum SocialDomainArea
{
    Wmo,
    Jeugd,
    WerkInkomen,
    SociaalPlein,
    Voorveld,
    /// <summary>The social domain as a whole (figures that span Wmo, Jeugd and werk en inkomen).</summary>
    SociaalDomein,
}

/// <summary>Whether a measurement may still change.</summary>
public enum MeasurementStatus
{
    Provisional,
    Final,
}

/// <summary>Whether a measured value is the value itself or a bound the source gives instead ("the ambition of 267 was reached").</summary>
public enum ValueBound
{
    /// <summary>The value as measured.</summary>
    Exact,

    /// <summary>At least this value: the source says a target was reached but does not print the number.</summary>
    AtLeast,

    /// <summary>At most this value: the source says a ceiling was met but does not print the number.</summary>
    AtMost,
}

/// <summary>Stage of a budget figure in the planning and control cycle.</summary>
public enum BudgetStage
{
    /// <summary>Primitieve begroting: the budget as first adopted.</summary>
    OriginalBudget,
    /// <summary>Gewijzigde begroting: the budget after amendments.</summary>
    AmendedBudget,
    /// <summary>Realisatie / jaarrekening: actual amounts.</summary>
    Actuals,
    /// <summary>A budget change (begrotingswijziging) rather than a level.</summary>
    Change,
    /// <summary>Meerjarenraming: a later year's estimate printed with an earlier year's budget, not that year's budget.</summary>
    MultiYearEstimate,
    /// <summary>A variance the source states (realisation against budget, e.g. "een tekort van € 1.163.470"), without either level.</summary>
    StatedVariance,
    /// <summary>An amount the source prints as amended budget or realisation without saying which (or for which lot).</summary>
    Unassigned,
    /// <summary>Prognose: the expected realisation at year end, as estimated at a bestuursrapportage.</summary>
    Forecast,
}

/// <summary>How the absolute and the relative threshold for explaining a budget variance combine ("én" or "of").</summary>
public enum ThresholdCombination
{
    /// <summary>"én": explain only when the variance exceeds both thresholds.</summary>
    Both,
    /// <summary>"of": explain when the variance exceeds either threshold.</summary>
    Either,
}

/// <summary>Whether a budget variance must be explained to the council under the thresholds in force.</summary>
public enum ExplanationVerdict
{
    /// <summary>"toelichten": the variance exceeds the thresholds.</summary>
    Explain,
    /// <summary>"geen toelichting nodig": within the thresholds, or a direction the thresholds leave out.</summary>
    WithinThresholds,
    /// <summary>"niet te beoordelen": a threshold that decides cannot be applied (no percentage without a budget).</summary>
    NotJudgeable,
}

/// <summary>Lasten, baten or saldo.</summary>
public enum BudgetMeasure
{
    Expenses,
    Income,
    Net,
}

/// <summary>Scope a budget line applies to.</summary>
public enum BudgetScope
{
    Programme,
    TaskField,
    Lot,
    Total,
}

/// <summary>Stage of a benchmark figure: annual accounts or budget.</summary>
public enum BenchmarkStage
{
    AnnualAccounts,
    Budget,
}

/// <summary>A municipality or a published aggregate of municipalities.</summary>
public enum BenchmarkEntityKind
{
    Municipality,
    G40Average,
    G4Average,
    SizeClass,
    Netherlands,
}

/// <summary>Lifecycle of quarterly commentary.</summary>
public enum CommentaryStatus
{
    Draft,
    Published,
}

/// <summary>Who took the decision a target version rests on.</summary>
public enum DecisionBody
{
    /// <summary>De gemeenteraad.</summary>
    Council,

    /// <summary>Het college van B&amp;W.</summary>
    Executive,

    /// <summary>Ambtelijk (the organisation, without a political decision).</summary>
    Administration,
}

/// <summary>What a version of a measurement did.</summary>
public enum MeasurementChange
{
    /// <summary>A value entered for a period that had none.</summary>
    Entered,

    /// <summary>A stored value replaced by another (reason required).</summary>
    Corrected,

    /// <summary>A stored value withdrawn: the period has no value any more (reason required).</summary>
    Withdrawn,

    /// <summary>A provisional value confirmed as final by a controller (four eyes).</summary>
    Confirmed,

    /// <summary>A value written by an import (upload, command line or seed).</summary>
    Imported,
}
