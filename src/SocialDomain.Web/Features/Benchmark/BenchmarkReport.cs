using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;
using SocialDomain.Web.Formatting;
using Calc = SocialDomain.Core.Calculations.Benchmark;

namespace SocialDomain.Web.Features.G40Benchmark;

/// <summary>A bar of the ranking: a G40 member with a value in the selected column, cheapest first.</summary>
public sealed record BarRow(int Position, int Rank, string Name, decimal Saldo, decimal? Percentile, bool IsHome);

/// <summary>A reference value with the home municipality's deviation from it.</summary>
/// <param name="Code">Stable code of the reference in the exports: g40_herberekend, g40_vermeld, grootteklasse, nederland.</param>
/// <param name="HomeDeviation">The home municipality against this reference; null when either value is missing.</param>
/// <param name="Deviation">The deviation in Dutch, as on the page.</param>
public sealed record ReferenceRow(string Code, string Label, decimal? Saldo, BenchmarkDeviation? HomeDeviation, string? Deviation, string? Note);

public sealed record PeerRow(string Code, string Name, decimal Distance, decimal? Saldo, int? Rank, IReadOnlyList<decimal?> Characteristics);

public sealed record CharacteristicRow(CharacteristicDefinition Definition, CharacteristicScale Scale, decimal? HomeValue, decimal? HomeZScore);

/// <summary>The home municipality and the references in one column, with the change against the previous annual accounts.</summary>
public sealed record SeriesRow
{
    public required ColumnOption Column { get; init; }

    public decimal? HomeSaldo { get; init; }

    public RankedMunicipality? HomeRank { get; init; }

    public int RankedCount { get; init; }

    public decimal? G40Stated { get; init; }

    public required RecomputedAverage G40Recomputed { get; init; }

    public AggregateCheck? G40StatedCheck { get; init; }

    public decimal? SizeClass { get; init; }

    public decimal? Netherlands { get; init; }

    public BenchmarkDeviation? HomeVsG40 { get; init; }

    /// <summary>The previous annual accounts the change is measured against; null for the first.</summary>
    public ColumnOption? ComparedWith { get; init; }

    public decimal? HomeChangePercent { get; init; }

    public decimal? G40RecomputedChangePercent { get; init; }

    public decimal? G40StatedChangePercent { get; init; }
}

public sealed record FindingRow(string Subject, string Message, string Context, string Source);

/// <summary>
/// Benchmark G40 for one selection: € per inhabitant of the 40 G40 municipalities for one domain or task field and one
/// column (year + stage), with the home municipality's rank, the references (G40 average recomputed and as stated, size
/// class, Nederland), "gemeenten zoals wij", every column side by side with the change against the previous annual
/// accounts, and the data-quality findings for the figures shown. Pure: built from the query results by <see cref="Build"/>.
/// </summary>
public sealed class BenchmarkReport
{
    /// <summary>Number of "gemeenten zoals wij".</summary>
    public const int PeerCount = 5;

    /// <summary>Columns the per-year part shows unless every column is asked for (reeks=alle): the latest five years' two stages.</summary>
    public const int RecentColumns = 10;

    public static readonly BenchmarkReport Empty = new();

    public IReadOnlyList<FieldOption> Fields { get; private init; } = [];

    public IReadOnlyList<ColumnOption> Columns { get; private init; } = [];

    public IReadOnlyList<EntityOption> Municipalities { get; private init; } = [];

    public FieldOption? SelectedField { get; private init; }

    public ColumnOption? SelectedColumn { get; private init; }

    public EntityOption? SelectedHome { get; private init; }

    /// <summary>Query values that could not be used, in the order field, column, weights, home municipality.</summary>
    public IReadOnlyList<InputMessage> Messages { get; private init; } = [];

    /// <summary>Whether there is a municipality to show (no benchmark figures loaded otherwise).</summary>
    public bool HasData { get; private init; }

    /// <summary>The home municipality's value in the selected column (null = no value); also when it is not a G40 member.</summary>
    public decimal? HomeSaldo { get; private init; }

    /// <summary>Whether the home municipality is a G40 member, and so has a rank.</summary>
    public bool HomeIsG40 { get; private init; }

    /// <summary>Average and ranking of the G40 members in the selected column.</summary>
    public ColumnStatistics? Statistics { get; private init; }

    public RecomputedAverage? G40Average => Statistics?.Average;

    public int RankedCount => Statistics?.Ranking.N ?? 0;

    /// <summary>Names of the G40 members without a value in the selected column.</summary>
    public IReadOnlyList<string> MissingMembers => Statistics?.Ranking.Missing ?? [];

    /// <summary>The G40 members with a value in the selected column, cheapest first.</summary>
    public IReadOnlyList<BarRow> Bars { get; private init; } = [];

    public BarRow? HomeBar => Bars.FirstOrDefault(b => b.IsHome);

    public decimal? G40Stated { get; private init; }

    public AggregateCheck? G40StatedCheck { get; private init; }

    public ReferenceRow? G40RecomputedReference { get; private init; }

    public ReferenceRow? G40StatedReference { get; private init; }

    public ReferenceRow? SizeClassReference { get; private init; }

    public ReferenceRow? NetherlandsReference { get; private init; }

    /// <summary>The references in table order: G40 recomputed, G40 as stated, size class, Nederland.</summary>
    public IReadOnlyList<ReferenceRow> References =>
        new[] { G40RecomputedReference, G40StatedReference, SizeClassReference, NetherlandsReference }.OfType<ReferenceRow>().ToList();

    public PeerSelection? Peers { get; private init; }

    public IReadOnlyList<PeerRow> PeerRows { get; private init; } = [];

    public IReadOnlyList<CharacteristicRow> CharacteristicRows { get; private init; } = [];

    public RecomputedAverage? PeerAverage { get; private init; }

    public BenchmarkDeviation? HomeVsPeers { get; private init; }

    public DateOnly? CharacteristicsSnapshot { get; private init; }

    /// <summary>The per-year part: the latest <see cref="RecentColumns"/> columns (and the selected one when older), or every column.</summary>
    public IReadOnlyList<SeriesRow> Series { get; private init; } = [];

    /// <summary>Whether the per-year part shows every column (reeks=alle); false when it shows the latest ones.</summary>
    public bool SeriesShowsAllColumns { get; private init; }

    /// <summary>The value of reeks= that keeps this per-year part in links and exports: "alle" when it was asked for, else none.</summary>
    public string? SeriesQuery => SeriesShowsAllColumns && Columns.Count > RecentColumns ? BenchmarkInput.AllColumns : null;

    /// <summary>The query of this page with the per-year part switched to every column (<paramref name="all"/>) or to the latest ones.</summary>
    public IReadOnlyDictionary<string, string?> QueryWithSeries(bool all)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["veld"] = SelectedField?.Token, ["jaar"] = SelectedColumn?.Token, ["gemeente"] = SelectedHome?.Code,
        };
        foreach (var (key, value) in WeightQuery())
        {
            query[key] = value;
        }

        if (all)
        {
            query[BenchmarkInput.SeriesParameter] = BenchmarkInput.AllColumns;
        }

        return query;
    }

    /// <summary>Findings about the G40 average of the selected column.</summary>
    public IReadOnlyList<FindingRow> ColumnFindings { get; private init; } = [];

    /// <summary>Findings about municipalities' rows in the selected column (swapped task fields, a value far outside the
    /// municipality's own years, a total that is not the sum of its task fields), by municipality name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FindingRow>> RowFindings { get; private init; } = new Dictionary<string, IReadOnlyList<FindingRow>>();

    /// <summary>Findings about the other columns and the domain's printed percentages.</summary>
    public IReadOnlyList<FindingRow> OtherFindings { get; private init; } = [];

    public IReadOnlyDictionary<string, decimal> Weights { get; private init; } = new Dictionary<string, decimal>();

    public bool WeightsAreDefault { get; private init; } = true;

    /// <summary>Query values for links and hidden fields that keep the current weights (none when all are 1).</summary>
    public IReadOnlyDictionary<string, string> WeightQuery() =>
        WeightsAreDefault
            ? new Dictionary<string, string>()
            : Weights.ToDictionary(w => $"{BenchmarkInput.WeightParameter}[{w.Key}]", w => DutchFormat.Number(w.Value, 1));

    /// <summary>
    /// The report for a choice, the entities and findings of its field, and the requested home municipality (any
    /// municipality in the benchmark; <paramref name="defaultHome"/>, the configured CBS code, when none is requested).
    /// </summary>
    public static BenchmarkReport Build(
        BenchmarkChoice choice, IReadOnlyList<BenchmarkEntity> entities, IReadOnlyList<FindingData> findings, string? home, string defaultHome, bool allColumns = false)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(findings);
        var members = entities.Where(e => e.IsG40).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var all = entities.Where(e => e.Kind == BenchmarkEntityKind.Municipality).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return new BenchmarkReport
            {
                Fields = choice.Fields, Columns = choice.Columns, SelectedField = choice.Field, SelectedColumn = choice.Column,
                Weights = choice.Weights, WeightsAreDefault = choice.WeightsAreDefault, Messages = choice.Messages,
            };
        }

        var messages = choice.Messages.ToList();
        var municipalities = BenchmarkCatalogue.SortMunicipalities(all.Select(m => new EntityOption(m.Code, m.Name)));
        var selectedHome = BenchmarkSelection.ChooseHome(municipalities, home, defaultHome, messages);
        var context = new Context(choice, entities, members, all, all.Single(m => m.Code == selectedHome.Code));
        var column = choice.Column;
        var statistics = Calc.Column(context.MemberValues(column));
        var bars = statistics.Ranking.Ranked.Select(r => new BarRow(r.Position, r.Rank, r.Municipality, r.Value, r.Percentile, r.Municipality == selectedHome.Name)).ToList();
        var homeValue = context.Value(context.Home, column);
        var g40Stated = context.Value(context.G40, column);
        var g40StatedCheck = g40Stated is { } stated ? DataQuality.CompareStatedAverage(stated, context.MemberValues(column)) : null;
        var peers = BuildPeers(context, statistics.Ranking, homeValue);
        return new BenchmarkReport
        {
            HasData = true, HomeSaldo = homeValue, HomeIsG40 = context.Home.IsG40, Fields = choice.Fields, Columns = choice.Columns, Municipalities = municipalities,
            SelectedField = choice.Field, SelectedColumn = column, SelectedHome = selectedHome, Messages = messages,
            Weights = choice.Weights, WeightsAreDefault = choice.WeightsAreDefault,
            Statistics = statistics, Bars = bars, G40Stated = g40Stated,
            G40StatedCheck = g40StatedCheck,
            G40RecomputedReference = Reference("g40_herberekend", "G40-gemiddelde, herberekend", statistics.Average.Mean, homeValue, "het G40-gemiddelde",
                statistics.Average.Mean is null ? statistics.Average.Reason : AverageNote(statistics.Average)),
            G40StatedReference = Reference("g40_vermeld", "G40-gemiddelde, zoals vermeld in de bron", g40Stated, homeValue, "het vermelde G40-gemiddelde",
                g40Stated is null ? "niet vermeld in de bron" : g40StatedCheck?.Message),
            SizeClassReference = SizeClassReferenceOf(context, column, homeValue, selectedHome),
            NetherlandsReference = Reference("nederland", "Nederland", context.Value(context.Netherlands, column), homeValue, "Nederland",
                context.Value(context.Netherlands, column) is null ? "geen waarde in de bron" : null),
            Peers = peers.Selection, PeerRows = peers.Rows, CharacteristicRows = peers.Characteristics, PeerAverage = peers.Average,
            HomeVsPeers = peers.HomeVsPeers, CharacteristicsSnapshot = context.Home.Characteristics?.Snapshot,
            Series = SeriesColumns(choice, allColumns).Select(c => SeriesOf(context, c)).ToList(),
            SeriesShowsAllColumns = allColumns || choice.Columns.Count <= RecentColumns,
            ColumnFindings = findings.Where(f => IsAbout(f, column)).Select(FindingRowOf).ToList(),
            RowFindings = findings.Where(f => IsAboutRow(f, column)).GroupBy(f => NameOf(entities, f.EntityCode))
                .ToDictionary(g => g.Key, g => (IReadOnlyList<FindingRow>)g.Select(FindingRowOf).ToList(), StringComparer.Ordinal),
            OtherFindings = findings.Where(f => !IsAbout(f, column) && !IsAboutRow(f, column)).Select(FindingRowOf).ToList(),
        };
    }

    private static ReferenceRow Reference(string code, string label, decimal? saldo, decimal? homeValue, string referenceName, string? note)
    {
        var deviation = homeValue is { } h && saldo is { } s ? Calc.DeviationFrom(h, s) : null;
        return new ReferenceRow(code, label, saldo, deviation, deviation?.Describe(referenceName), note);
    }

    private static ReferenceRow SizeClassReferenceOf(Context context, ColumnOption column, decimal? homeValue, EntityOption home)
    {
        var sizeClass = context.SizeClass;
        var value = context.Value(sizeClass, column);
        return Reference("grootteklasse", sizeClass is null ? "Grootteklasse" : $"Grootteklasse: {sizeClass.Name}", value, homeValue, "de grootteklasse",
            sizeClass is null ? $"niet beschikbaar: voor {home.Name} is geen grootteklasse vastgesteld" : value is null ? "geen waarde in de bron" : null);
    }

    private static string AverageNote(RecomputedAverage average) =>
        average.Missing.Count == 0
            ? $"ongewogen gemiddelde van alle {average.N} G40-gemeenten"
            : $"ongewogen gemiddelde van {average.N} van de {average.Members} G40-gemeenten; zonder waarde: {string.Join(", ", average.Missing)}";

    /// <summary>
    /// "Gemeenten zoals wij" with the selected weights, and the peers' values in the selected column: compared with every
    /// municipality that has characteristics, not only the G40 members.
    /// </summary>
    private static PeerPart BuildPeers(Context context, Ranking ranking, decimal? homeValue)
    {
        var definitions = BenchmarkCatalogue.Characteristics;
        var profiles = context.Municipalities.Where(m => m.Characteristics is not null)
            .Select(m => new MunicipalityProfile(m.Name, definitions
                .Where(d => d.Select(m.Characteristics!) is not null)
                .ToDictionary(d => d.Label, d => d.Select(m.Characteristics!)!.Value)))
            .ToList();
        var weights = definitions.Select(d => new CharacteristicWeight(d.Label, context.Choice.Weights[d.Key])).ToList();
        var selection = Calc.Peers(context.Home.Name, profiles, weights, PeerCount);
        var characteristics = definitions.Zip(selection.Characteristics, (d, s) => new CharacteristicRow(
                d, s, context.Home.Characteristics is { } hc ? d.Select(hc) : null, selection.ZScores.TryGetValue(d.Label, out var z) ? z : null))
            .ToList();
        var rows = selection.Peers.Select(p =>
        {
            var entity = context.Municipalities.First(m => m.Name == p.Municipality);
            return new PeerRow(entity.Code, p.Municipality, p.Distance, context.Value(entity, context.Choice.Column), ranking.Find(p.Municipality)?.Rank,
                definitions.Select(d => entity.Characteristics is { } c ? d.Select(c) : null).ToList());
        }).ToList();
        var average = rows.Count > 0 ? Calc.Average(rows.Select(p => new MunicipalityValue(p.Name, p.Saldo)).ToList()) : null;
        var homeVsPeers = homeValue is { } hv && average?.Mean is { } pm ? Calc.DeviationFrom(hv, pm) : null;
        return new PeerPart(selection, rows, characteristics, average, homeVsPeers);
    }

    /// <summary>Every column, or the latest <see cref="RecentColumns"/> with the selected column in front when it is older (in column order).</summary>
    private static IEnumerable<ColumnOption> SeriesColumns(BenchmarkChoice choice, bool allColumns) =>
        allColumns || choice.Columns.Count <= RecentColumns
            ? choice.Columns
            : choice.Columns.Where((c, i) => i >= choice.Columns.Count - RecentColumns || c == choice.Column);

    /// <summary>The home municipality against the G40 average in one column, and the change since the previous annual accounts.</summary>
    private static SeriesRow SeriesOf(Context context, ColumnOption column)
    {
        var values = context.MemberValues(column);
        var statistics = Calc.Column(values);
        var own = context.Value(context.Home, column);
        var statedAverage = context.Value(context.G40, column);
        var previousYear = NetCost.PreviousAnnualAccounts(context.Choice.Columns.Select(c => (c.Year, c.Stage)), column.Year);
        var previous = context.Choice.Columns.FirstOrDefault(c => c.Year == previousYear && c.Stage == BenchmarkStage.AnnualAccounts);
        return new SeriesRow
        {
            Column = column,
            HomeSaldo = own,
            HomeRank = statistics.Ranking.Find(context.Home.Name),
            RankedCount = statistics.Ranking.N,
            G40Stated = statedAverage,
            G40Recomputed = statistics.Average,
            G40StatedCheck = statedAverage is { } sa ? DataQuality.CompareStatedAverage(sa, values) : null,
            SizeClass = context.Value(context.SizeClass, column),
            Netherlands = context.Value(context.Netherlands, column),
            HomeVsG40 = statistics.DeviationOf(own),
            ComparedWith = previous,
            HomeChangePercent = previous is null ? null : NetCost.ChangePercent(context.Value(context.Home, previous), own),
            G40RecomputedChangePercent = previous is null ? null : NetCost.ChangePercent(Calc.Average(context.MemberValues(previous)).Mean, statistics.Average.Mean),
            G40StatedChangePercent = previous is null ? null : NetCost.ChangePercent(context.Value(context.G40, previous), statedAverage),
        };
    }

    /// <summary>Whether a finding is about the G40 average of this column (the query only returns averages of the selected field).</summary>
    private static bool IsAbout(FindingData finding, ColumnOption column) =>
        finding.Kind == DataQualityCheck.Average && finding.Year == column.Year && finding.Stage == column.Stage;

    /// <summary>Whether a finding is about a municipality's row in this column (the query returns only this field's outliers).</summary>
    private static bool IsAboutRow(FindingData finding, ColumnOption column) =>
        finding.Kind is DataQualityCheck.TotalOfTaskFields or DataQualityCheck.SwappedTaskFields or DataQualityCheck.OutsideOwnYears
        && finding.Year == column.Year && finding.Stage == column.Stage;

    private static string NameOf(IReadOnlyList<BenchmarkEntity> entities, string? code) =>
        entities.FirstOrDefault(e => e.Code == code)?.Name ?? code ?? string.Empty;

    private static FindingRow FindingRowOf(FindingData finding) =>
        new(finding.Subject, finding.Message, FindingContext(finding), $"bron {finding.Document}, {finding.Section}");

    /// <summary>"G40-gemiddelde, 2020 begroting" or "G4-gemiddelde, vermelde stijging van de lasten".</summary>
    private static string FindingContext(FindingData finding) => finding switch
    {
        { Kind: DataQualityCheck.Average, Year: { } year, Stage: { } stage } => $"{finding.EntityCode}-gemiddelde, {year} {DutchText.BenchmarkStage(stage)}",
        { Kind: DataQualityCheck.Growth } => $"{finding.EntityCode}-gemiddelde, vermelde stijging van de lasten",
        { Kind: DataQualityCheck.BudgetDeficit } => $"{finding.EntityCode}-gemiddelde, vermeld begroot tekort",
        { Kind: DataQualityCheck.TotalOfTaskFields or DataQualityCheck.SwappedTaskFields or DataQualityCheck.OutsideOwnYears, Year: { } y, Stage: { } s }
            => $"rij van {finding.EntityCode}, {y} {DutchText.BenchmarkStage(s)}",
        _ => finding.Subject,
    };

    private sealed record PeerPart(PeerSelection Selection, List<PeerRow> Rows, List<CharacteristicRow> Characteristics, RecomputedAverage? Average, BenchmarkDeviation? HomeVsPeers);

    /// <summary>The G40 members, every municipality, the references of the home municipality and value look-up for one report.</summary>
    private sealed class Context(BenchmarkChoice choice, IReadOnlyList<BenchmarkEntity> entities, List<BenchmarkEntity> members, List<BenchmarkEntity> municipalities, BenchmarkEntity home)
    {
        public BenchmarkChoice Choice => choice;

        /// <summary>Every municipality in the benchmark, G40 member or not (home and peer candidates).</summary>
        public List<BenchmarkEntity> Municipalities => municipalities;

        public BenchmarkEntity Home => home;

        public BenchmarkEntity? G40 { get; } = entities.FirstOrDefault(e => e.Kind == BenchmarkEntityKind.G40Average);

        public BenchmarkEntity? Netherlands { get; } = entities.FirstOrDefault(e => e.Kind == BenchmarkEntityKind.Netherlands);

        public BenchmarkEntity? SizeClass { get; } = home.SizeClassCode is { } code ? entities.FirstOrDefault(e => e.Code == code) : null;

        /// <summary>Per entity read so far, its values by column (the per-year part looks up 50 columns × 40 members twice).</summary>
        private readonly Dictionary<BenchmarkEntity, Dictionary<(int Year, BenchmarkStage Stage), decimal?>> _values = new(ReferenceEqualityComparer.Instance);

        public decimal? Value(BenchmarkEntity? entity, ColumnOption column)
        {
            if (entity is null)
            {
                return null;
            }

            if (!_values.TryGetValue(entity, out var byColumn))
            {
                byColumn = [];
                foreach (var value in entity.Values)
                {
                    byColumn.TryAdd((value.Year, value.Stage), value.ValuePerInhabitant);
                }

                _values[entity] = byColumn;
            }

            return byColumn.GetValueOrDefault((column.Year, column.Stage));
        }

        /// <summary>The G40 members by name with their value in a column (null = no value, never 0).</summary>
        public List<MunicipalityValue> MemberValues(ColumnOption column) => members.Select(m => new MunicipalityValue(m.Name, Value(m, column))).ToList();
    }
}
