using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SocialDomain.Core.Calculations;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Dashboard;
using SocialDomain.Web.Data;
using SocialDomain.Web.Infrastructure;
using SocialDomain.Web.Formatting;
using SocialDomain.Web.Import;
using Calc = SocialDomain.Core.Calculations.Benchmark;

// Not SocialDomain.Web.Pages.Benchmark: a namespace with that name would hide the Core class
// Benchmark from every other page in SocialDomain.Web.Pages.*.
namespace SocialDomain.Web.Pages.BenchmarkG40;

/// <summary>
/// Benchmark G40: € per inhabitant of the 40 G40 municipalities for one domain or task field and one
/// column (year + stage), with the home municipality's rank, the references (G40 average recomputed
/// and as stated, size class, Nederland), "gemeenten zoals wij", the five columns side by side and the
/// data-quality findings for the figures shown. Three database round trips.
/// </summary>
[OutputCache(PolicyName = DashboardOutputCache.PolicyName)]
public class BenchmarkModel(SocialDomainDbContext db) : PageModel
{
    public const string DefaultHomeCode = "GM0402";
    public const int PeerCount = 5;

    /// <summary>Bar colour of the home municipality (5,5:1 on white) and of the others (4,4:1).</summary>
    public const string HomeColour = "#b34700";
    public const string OtherColour = "#4f7cac";

    private static readonly SocialDomainArea[] DomainOrder = [SocialDomainArea.Jeugd, SocialDomainArea.Wmo, SocialDomainArea.Voorveld];

    /// <summary>The characteristics "gemeenten zoals wij" can use, in display order.</summary>
    public static readonly IReadOnlyList<CharacteristicDefinition> CharacteristicDefinitions =
    [
        new("inwoners", "Aantal inwoners", "Inwoners", 0, c => c.Population),
        new("laag-inkomen", "% huishoudens met inkomen tot 150% van het sociaal minimum", "% laag inkomen", 1, c => c.PctLowIncome),
        new("jeugd", "% jeugd 0–19 jaar", "% jeugd 0–19", 1, c => c.PctYouth0To19),
        new("jeugdhulp", "% jongeren met jeugdhulp", "% jeugdhulp", 1, c => c.PctYouthWithYouthCare),
        new("65-74", "% inwoners 65–74 jaar", "% 65–74 jaar", 1, c => c.PctAged65To74),
        new("75plus", "% inwoners 75 jaar en ouder", "% 75+", 1, c => c.PctAged75Plus),
    ];

    /// <summary>Domain total ("jeugd", "wmo", "voorveld") or task field code ("6.72").</summary>
    [BindProperty(SupportsGet = true, Name = "veld")]
    public string? Field { get; set; }

    /// <summary>Year and stage, e.g. "2018-jaarrekening" or "2020-begroting".</summary>
    [BindProperty(SupportsGet = true, Name = "jaar")]
    public string? Column { get; set; }

    /// <summary>CBS code of the home municipality, e.g. "GM0402".</summary>
    [BindProperty(SupportsGet = true, Name = "gemeente")]
    public string? Home { get; set; }

    /// <summary>Weights for "gemeenten zoals wij": gewicht[inwoners]=1 and so on; missing = 1.</summary>
    [BindProperty(SupportsGet = true, Name = "gewicht")]
    public Dictionary<string, string> WeightInput { get; set; } = [];

    public IReadOnlyList<FieldOption> Fields { get; private set; } = [];

    public IReadOnlyList<ColumnOption> Columns { get; private set; } = [];

    public IReadOnlyList<EntityOption> Municipalities { get; private set; } = [];

    public FieldOption? SelectedField { get; private set; }

    public ColumnOption? SelectedColumn { get; private set; }

    public EntityOption? SelectedHome { get; private set; }

    /// <summary>Dutch messages about query values that could not be used.</summary>
    public List<string> InputMessages { get; } = [];

    public bool HasData { get; private set; }

    /// <summary>The G40 members with a value in the selected column, cheapest first.</summary>
    public IReadOnlyList<BarRow> Bars { get; private set; } = [];

    /// <summary>Names of the G40 members without a value in the selected column.</summary>
    public IReadOnlyList<string> MissingMembers { get; private set; } = [];

    public BarRow? HomeBar { get; private set; }

    public int RankedCount { get; private set; }

    public RecomputedAverage? G40Average { get; private set; }

    public decimal? G40Stated { get; private set; }

    public AggregateCheck? G40StatedCheck { get; private set; }

    public IReadOnlyList<ReferenceRow> References { get; private set; } = [];

    public string? SizeClassName { get; private set; }

    public PeerSelection? Peers { get; private set; }

    public IReadOnlyList<PeerRow> PeerRows { get; private set; } = [];

    public IReadOnlyList<CharacteristicRow> CharacteristicRows { get; private set; } = [];

    public RecomputedAverage? PeerAverage { get; private set; }

    public BenchmarkDeviation? HomeVsPeers { get; private set; }

    public DateOnly? CharacteristicsSnapshot { get; private set; }

    public IReadOnlyList<SeriesRow> Series { get; private set; } = [];

    public IReadOnlyList<FindingRow> ColumnFindings { get; private set; } = [];

    public IReadOnlyList<FindingRow> OtherFindings { get; private set; } = [];

    public IReadOnlyDictionary<string, decimal> Weights { get; private set; } = new Dictionary<string, decimal>();

    public bool WeightsAreDefault { get; private set; } = true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Round trip 1: which domains/task fields and which columns the benchmark holds (task field names from task_fields).
        // DISTINCT first and the names joined to its few hundred rows, not to every observation: half the work.
        var catalogue = await (
                from combination in db.BenchmarkObservations.AsNoTracking().Select(o => new { o.Domain, o.TaskFieldCode, o.Year, o.Stage }).Distinct()
                join fieldName in db.TaskFields.AsNoTracking() on combination.TaskFieldCode equals fieldName.Code into fieldNames
                from fieldName in fieldNames.DefaultIfEmpty()
                select new
                {
                    combination.Domain, combination.TaskFieldCode, TaskFieldName = fieldName != null ? fieldName.Name : null, combination.Year, combination.Stage,
                })
            .ToListAsync(cancellationToken);
        if (catalogue.Count == 0)
        {
            return;
        }

        Fields = catalogue
            .Select(c => (c.Domain, c.TaskFieldCode, c.TaskFieldName)).Distinct()
            .OrderBy(f => DomainRank(f.Domain)).ThenBy(f => f.TaskFieldCode is null ? 0 : 1).ThenBy(f => f.TaskFieldCode, StringComparer.Ordinal)
            .Select(f => new FieldOption(f.Domain, f.TaskFieldCode, f.TaskFieldCode ?? DomainToken(f.Domain),
                f.TaskFieldCode is null ? $"{DutchText.Domain(f.Domain)} totaal" : $"{f.TaskFieldCode} {f.TaskFieldName}"))
            .ToList();
        Columns = catalogue
            .Select(c => (c.Year, c.Stage)).Distinct()
            .OrderBy(c => c.Year).ThenBy(c => c.Stage == BenchmarkStage.Budget ? 0 : 1)
            .Select(c => new ColumnOption(c.Year, c.Stage, $"{c.Year}-{DutchText.BenchmarkStage(c.Stage)}", $"{c.Year} {DutchText.BenchmarkStage(c.Stage)}"))
            .ToList();
        var field = ChooseField();
        var column = ChooseColumn();
        Weights = ChooseWeights();
        SelectedField = field;
        SelectedColumn = column;

        // Round trip 2: the G40 members and the references, each with its latest characteristics and its
        // values for the selected domain/task field in every column (selected column, home series, averages).
        var domain = field.Domain;
        var taskField = field.TaskFieldCode;
        var entities = await db.Municipalities.AsNoTracking()
            .Where(m => m.IsG40 || m.Kind == BenchmarkEntityKind.G40Average || m.Kind == BenchmarkEntityKind.SizeClass || m.Kind == BenchmarkEntityKind.Netherlands)
            .Select(m => new
            {
                m.Code,
                m.Name,
                m.Kind,
                m.IsG40,
                m.SizeClassCode,
                Characteristics = m.Characteristics.OrderByDescending(c => c.Snapshot)
                    .Select(c => new CharacteristicValues(c.Snapshot, c.Population, c.PctLowIncome, c.PctYouth0To19, c.PctYouthWithYouthCare, c.PctAged65To74, c.PctAged75Plus))
                    .FirstOrDefault(),
                Values = db.BenchmarkObservations
                    .Where(o => o.MunicipalityCode == m.Code && o.Domain == domain && o.TaskFieldCode == taskField)
                    .Select(o => new { o.Year, o.Stage, o.ValuePerInhabitant })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        // Round trip 3: the data-quality findings for this domain/task field (G40 average per column) and the
        // printed summary percentages of the domain.
        var averagePrefix = DataQualityChecks.AverageSubjectPrefix("G40", domain, taskField);
        var summaryInfix = DataQualityChecks.SummarySubjectInfix(domain);
        var findings = await db.DataQualityFindings.AsNoTracking()
            .Where(f => f.Subject.StartsWith(averagePrefix) || (f.Subject.StartsWith("summary/") && f.Subject.Contains(summaryInfix)))
            .OrderBy(f => f.Subject)
            .Select(f => new { f.Subject, f.Message, f.Source.Document, f.Source.Section })
            .ToListAsync(cancellationToken);

        var members = entities.Where(e => e.IsG40).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            return;
        }

        HasData = true;
        Municipalities = members.Select(m => new EntityOption(m.Code, m.Name))
            .OrderBy(m => m.Name.StartsWith("'s-", StringComparison.Ordinal) ? m.Name[3..] : m.Name, StringComparer.Create(DutchFormat.Culture, ignoreCase: true))
            .ToList();
        var home = ChooseHome();
        SelectedHome = home;
        var homeEntity = members.Single(m => m.Code == home.Code);
        var byCode = entities.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var sizeClass = homeEntity.SizeClassCode is { } sc && byCode.TryGetValue(sc, out var sce) ? sce : null;
        SizeClassName = sizeClass?.Name;
        var g40 = entities.FirstOrDefault(e => e.Kind == BenchmarkEntityKind.G40Average);
        var netherlands = entities.FirstOrDefault(e => e.Kind == BenchmarkEntityKind.Netherlands);

        decimal? Value(string? code, ColumnOption c) =>
            code is not null && byCode.TryGetValue(code, out var e)
                ? e.Values.FirstOrDefault(v => v.Year == c.Year && v.Stage == c.Stage)?.ValuePerInhabitant
                : null;
        List<MunicipalityValue> MemberValues(ColumnOption c) => members.Select(m => new MunicipalityValue(m.Name, Value(m.Code, c))).ToList();

        // The selected column: ranking, averages, references.
        var columnValues = MemberValues(column);
        var ranking = Calc.Rank(columnValues);
        RankedCount = ranking.N;
        MissingMembers = ranking.Missing;
        Bars = ranking.Ranked.Select(r => new BarRow(r.Position, r.Rank, r.Municipality, r.Value, r.Percentile, r.Municipality == home.Name)).ToList();
        HomeBar = Bars.FirstOrDefault(b => b.IsHome);
        G40Average = Calc.Average(columnValues);
        G40Stated = Value(g40?.Code, column);
        G40StatedCheck = G40Stated is { } stated ? DataQuality.CompareStatedAverage(stated, columnValues) : null;
        var sizeClassValue = Value(sizeClass?.Code, column);
        var netherlandsValue = Value(netherlands?.Code, column);
        var homeValue = HomeBar?.Saldo;
        var comparison = homeValue is { } hv ? Calc.Compare(hv, G40Average.Mean, sizeClassValue, netherlandsValue) : null;
        var statedDeviation = homeValue is { } hv2 && G40Stated is { } st ? Calc.DeviationFrom(hv2, st) : null;
        References =
        [
            new ReferenceRow("G40-gemiddelde, herberekend", G40Average.Mean, comparison?.G40Average?.Describe("het G40-gemiddelde"),
                G40Average.Mean is null ? G40Average.Reason : AverageNote(G40Average)),
            new ReferenceRow("G40-gemiddelde, zoals vermeld in de bron", G40Stated, statedDeviation?.Describe("het vermelde G40-gemiddelde"),
                G40Stated is null ? "niet vermeld in de bron" : G40StatedCheck?.Message),
            new ReferenceRow(sizeClass is null ? "Grootteklasse" : $"Grootteklasse: {sizeClass.Name}", sizeClassValue,
                comparison?.SizeClass?.Describe("de grootteklasse"),
                sizeClass is null ? $"niet beschikbaar: voor {home.Name} is geen grootteklasse vastgesteld" : sizeClassValue is null ? "geen waarde in de bron" : null),
            new ReferenceRow("Nederland", netherlandsValue, comparison?.Netherlands?.Describe("Nederland"),
                netherlandsValue is null ? "geen waarde in de bron" : null),
        ];

        // "Gemeenten zoals wij".
        var profiles = members.Where(m => m.Characteristics is not null)
            .Select(m => new MunicipalityProfile(m.Name, CharacteristicDefinitions
                .Where(d => d.Select(m.Characteristics!) is not null)
                .ToDictionary(d => d.Label, d => d.Select(m.Characteristics!)!.Value)))
            .ToList();
        CharacteristicsSnapshot = homeEntity.Characteristics?.Snapshot;
        var weights = CharacteristicDefinitions.Select(d => new CharacteristicWeight(d.Label, Weights[d.Key])).ToList();
        Peers = Calc.Peers(home.Name, profiles, weights, PeerCount);
        CharacteristicRows = CharacteristicDefinitions.Zip(Peers.Characteristics, (d, s) => new CharacteristicRow(
                d, s, homeEntity.Characteristics is { } hc ? d.Select(hc) : null, Peers.ZScores.TryGetValue(d.Label, out var z) ? z : null))
            .ToList();
        PeerRows = Peers.Peers.Select(p =>
        {
            var entity = members.First(m => m.Name == p.Municipality);
            var ranked = ranking.Find(p.Municipality);
            return new PeerRow(entity.Code, p.Municipality, p.Distance, Value(entity.Code, column), ranked?.Rank,
                CharacteristicDefinitions.Select(d => entity.Characteristics is { } c ? d.Select(c) : null).ToList());
        }).ToList();
        if (PeerRows.Count > 0)
        {
            PeerAverage = Calc.Average(PeerRows.Select(p => new MunicipalityValue(p.Name, p.Saldo)).ToList());
            HomeVsPeers = homeValue is { } hv3 && PeerAverage.Mean is { } pm ? Calc.DeviationFrom(hv3, pm) : null;
        }

        // The home municipality against the G40 average in every column.
        ColumnOption? PreviousAccounts(ColumnOption c) => Columns
            .Where(o => o.Stage == BenchmarkStage.AnnualAccounts && o.Year < c.Year)
            .OrderByDescending(o => o.Year).FirstOrDefault();
        Series = Columns.Select(c =>
        {
            var values = MemberValues(c);
            var rank = Calc.Rank(values);
            var average = Calc.Average(values);
            var own = Value(home.Code, c);
            var statedAverage = Value(g40?.Code, c);
            var previous = PreviousAccounts(c);
            decimal? Change(decimal? from, decimal? to) =>
                from is { } f && to is { } t && Growth.NetCostPercent(f, t) is { IsOk: true } g ? g.Value : null;
            var previousAverage = previous is null ? null : Calc.Average(MemberValues(previous)).Mean;
            return new SeriesRow(
                c,
                own,
                rank.Find(home.Name),
                rank.N,
                statedAverage,
                average,
                statedAverage is { } sa ? DataQuality.CompareStatedAverage(sa, values) : null,
                Value(sizeClass?.Code, c),
                Value(netherlands?.Code, c),
                own is { } o && average.Mean is { } mean ? Calc.DeviationFrom(o, mean) : null,
                previous,
                previous is null ? null : Change(Value(home.Code, previous), own),
                previous is null ? null : Change(previousAverage, average.Mean),
                previous is null ? null : Change(Value(g40?.Code, previous), statedAverage));
        }).ToList();

        // Findings: the selected column first, then the other columns and the domain's printed percentages.
        var columnSubject = averagePrefix + string.Create(CultureInfo.InvariantCulture, $"{column.Year}/{column.Stage}");
        var rows = findings.Select(f => new FindingRow(f.Subject, f.Message, FindingContext(f.Subject), $"bron {f.Document}, {f.Section}")).ToList();
        ColumnFindings = rows.Where(r => r.Subject == columnSubject).ToList();
        OtherFindings = rows.Where(r => r.Subject != columnSubject).ToList();
    }

    /// <summary>Chart.js configuration of the ranked bars with the reference values as vertical lines.</summary>
    public object RankingChart()
    {
        var labels = Bars.Select(b => b.IsHome ? $"► {b.Name}" : b.Name).ToList();
        var datasets = new List<object>
        {
            new
            {
                type = "bar",
                label = $"Netto lasten (► = {SelectedHome?.Name})",
                data = Bars.Select(b => DutchFormat.Round(NetCost(b.Saldo), 2)),
                backgroundColor = Bars.Select(b => b.IsHome ? HomeColour : OtherColour),
                borderColor = Bars.Select(b => b.IsHome ? "#1b1b1b" : OtherColour),
                borderWidth = Bars.Select(b => b.IsHome ? 2 : 0),
                indexAxis = "y",
                order = 2,
            },
        };
        foreach (var line in ReferenceLines())
        {
            datasets.Add(new
            {
                type = "line",
                label = line.Label,
                data = Bars.Select(_ => DutchFormat.Round(NetCost(line.Saldo), 2)),
                borderColor = line.Colour,
                backgroundColor = line.Colour,
                borderDash = line.Dash,
                borderWidth = 2,
                pointRadius = 0,
                fill = false,
                indexAxis = "y",
                order = 1,
            });
        }

        return new
        {
            type = "bar",
            data = new { labels, datasets },
            options = new
            {
                indexAxis = "y",
                plugins = new { legend = new { position = "bottom" } },
                scales = new
                {
                    x = new { title = new { display = true, text = "netto lasten in € per inwoner" } },
                    y = new { ticks = new { autoSkip = false } },
                },
            },
        };
    }

    /// <summary>Chart.js configuration of the home municipality against the G40 average in every column.</summary>
    public object SeriesChart() => new
    {
        type = "bar",
        data = new
        {
            labels = Series.Select(s => s.Column.Label),
            datasets = new object[]
            {
                new
                {
                    label = SelectedHome?.Name,
                    data = Series.Select(s => s.HomeSaldo is { } v ? DutchFormat.Round(NetCost(v), 2) : (decimal?)null),
                    backgroundColor = HomeColour,
                },
                new
                {
                    label = "G40-gemiddelde (herberekend)",
                    data = Series.Select(s => s.G40Recomputed.Mean is { } v ? DutchFormat.Round(NetCost(v), 2) : (decimal?)null),
                    backgroundColor = OtherColour,
                },
            },
        },
        options = new
        {
            plugins = new { legend = new { position = "bottom" } },
            scales = new { y = new { title = new { display = true, text = "netto lasten in € per inwoner" } } },
        },
    };

    /// <summary>The reference values that can be drawn as lines (those with a value).</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines()
    {
        var lines = new List<ReferenceLine>();
        if (G40Average?.Mean is { } mean)
        {
            lines.Add(new ReferenceLine($"G40-gemiddelde {NetCostText(mean)}", mean, "#1b1b1b", [8, 4]));
        }

        if (References.Count > 2 && References[2].Saldo is { } size)
        {
            lines.Add(new ReferenceLine($"Grootteklasse {NetCostText(size)}", size, "#6a1b9a", [2, 3]));
        }

        if (References.Count > 3 && References[3].Saldo is { } nl)
        {
            lines.Add(new ReferenceLine($"Nederland {NetCostText(nl)}", nl, "#1d6b2f", [12, 3, 3, 3]));
        }

        return lines;
    }

    /// <summary>Net cost per inhabitant as shown on the page: the saldo with its sign flipped (−191,4 → € 191,40).</summary>
    public static decimal NetCost(decimal saldo) => -saldo;

    /// <summary>"€ 191,40" for a net cost; "€ 39,00 netto baten" for a positive saldo.</summary>
    public static string NetCostText(decimal? saldo) => saldo switch
    {
        null => "geen waarde",
        > 0m => $"{DutchFormat.Euro(saldo.Value, 2)} netto baten",
        _ => DutchFormat.Euro(NetCost(saldo.Value), 2),
    };

    /// <summary>The saldo as printed in the source, with one or two decimals: "-191,4".</summary>
    public static string SaldoText(decimal? saldo) =>
        saldo is { } s ? DutchFormat.Number(s, DutchFormat.Round(s, 1) == s ? 1 : 2) : "–";

    public static string PercentileText(decimal? percentile) => percentile is { } p ? DutchFormat.Number(p, 0) : "–";

    public static string ChangeText(decimal? percent) =>
        percent is { } p ? (p > 0m ? "+" : string.Empty) + DutchFormat.Percent(p, 2) : "–";

    public static string CharacteristicText(CharacteristicDefinition definition, decimal? value) =>
        value is { } v ? (definition.Decimals == 0 ? DutchFormat.Number(v, 0) : DutchFormat.Percent(v, definition.Decimals)) : "–";

    public string HomeLabel(string name) => SelectedHome is { } h && h.Name == name ? $"{name} (eigen gemeente)" : name;

    /// <summary>Query values for links and hidden fields that keep the current selection.</summary>
    public IReadOnlyDictionary<string, string> WeightQuery() =>
        WeightsAreDefault ? new Dictionary<string, string>() : Weights.ToDictionary(w => $"gewicht[{w.Key}]", w => DutchFormat.Number(w.Value, 1));

    private static string AverageNote(RecomputedAverage average) =>
        average.Missing.Count == 0
            ? $"ongewogen gemiddelde van alle {average.N} G40-gemeenten"
            : $"ongewogen gemiddelde van {average.N} van de {average.Members} G40-gemeenten; zonder waarde: {string.Join(", ", average.Missing)}";

    private static int DomainRank(SocialDomainArea domain) => Array.IndexOf(DomainOrder, domain) is var i and >= 0 ? i : DomainOrder.Length + (int)domain;

    private static string DomainToken(SocialDomainArea domain) => domain.ToString().ToLowerInvariant();

    private FieldOption ChooseField()
    {
        var fallback = Fields.FirstOrDefault(f => f.Domain == SocialDomainArea.Jeugd && f.TaskFieldCode is null) ?? Fields[0];
        if (string.IsNullOrWhiteSpace(Field))
        {
            return fallback;
        }

        var wanted = Field.Trim();
        var match = Fields.FirstOrDefault(f => string.Equals(f.Token, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            InputMessages.Add($"'{wanted}' is geen domein of taakveld in de benchmark (kies bijvoorbeeld jeugd of 6.72); {fallback.Label} wordt getoond.");
        }

        return match ?? fallback;
    }

    private ColumnOption ChooseColumn()
    {
        var fallback = Columns.LastOrDefault(c => c.Stage == BenchmarkStage.AnnualAccounts) ?? Columns[^1];
        if (string.IsNullOrWhiteSpace(Column))
        {
            return fallback;
        }

        var wanted = Column.Trim();
        var match = Columns.FirstOrDefault(c => string.Equals(c.Token, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            InputMessages.Add($"'{wanted}' is geen jaar en fase in de benchmark (gebruik bijvoorbeeld 2018-jaarrekening); {fallback.Label} (de laatste jaarrekening) wordt getoond.");
        }

        return match ?? fallback;
    }

    private EntityOption ChooseHome()
    {
        var fallback = Municipalities.FirstOrDefault(m => m.Code == DefaultHomeCode) ?? Municipalities[0];
        if (string.IsNullOrWhiteSpace(Home))
        {
            return fallback;
        }

        var wanted = Home.Trim();
        var match = Municipalities.FirstOrDefault(m => string.Equals(m.Code, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            InputMessages.Add($"'{wanted}' is geen G40-gemeente (gebruik een CBS-code, bijvoorbeeld GM0402); {fallback.Name} wordt getoond.");
        }

        return match ?? fallback;
    }

    private Dictionary<string, decimal> ChooseWeights()
    {
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var definition in CharacteristicDefinitions)
        {
            weights[definition.Key] = 1m;
            if (!WeightInput.TryGetValue(definition.Key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var text = raw.Trim().Replace(',', '.');
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) && weight <= 10m)
            {
                weights[definition.Key] = weight;
                WeightsAreDefault &= weight == 1m;
            }
            else
            {
                InputMessages.Add($"Het gewicht '{raw.Trim()}' voor '{definition.Label}' is geen getal van 0 tot en met 10; gewicht 1 wordt gebruikt.");
            }
        }

        var unknown = WeightInput.Keys.Where(k => CharacteristicDefinitions.All(d => d.Key != k)).ToList();
        if (unknown.Count > 0)
        {
            InputMessages.Add($"Onbekend kenmerk: {string.Join(", ", unknown.Select(k => $"'{k}'"))}; dat gewicht wordt genegeerd.");
        }

        return weights;
    }

    private string FindingContext(string subject)
    {
        // average/G40/jeugd/totaal/2020/Budget  or  summary/G4/wmo/Growth/2017-AnnualAccounts/2018-AnnualAccounts
        var parts = subject.Split('/');
        if (parts is ["average", var aggregate, _, _, var year, var stage]
            && Enum.TryParse<BenchmarkStage>(stage, out var s))
        {
            return $"{aggregate}-gemiddelde, {year} {DutchText.BenchmarkStage(s)}";
        }

        if (parts is ["summary", var entity, _, var kind, ..])
        {
            return $"{entity}-gemiddelde, {(kind == "Growth" ? "vermelde stijging van de lasten" : "vermeld begroot tekort")}";
        }

        return subject;
    }

    public sealed record FieldOption(SocialDomainArea Domain, string? TaskFieldCode, string Token, string Label);

    public sealed record ColumnOption(int Year, BenchmarkStage Stage, string Token, string Label);

    public sealed record EntityOption(string Code, string Name);

    public sealed record CharacteristicValues(
        DateOnly Snapshot,
        int? Population,
        decimal? PctLowIncome,
        decimal? PctYouth0To19,
        decimal? PctYouthWithYouthCare,
        decimal? PctAged65To74,
        decimal? PctAged75Plus);

    public sealed record CharacteristicDefinition(string Key, string Label, string ShortLabel, int Decimals, Func<CharacteristicValues, decimal?> Select);

    public sealed record CharacteristicRow(CharacteristicDefinition Definition, CharacteristicScale Scale, decimal? HomeValue, decimal? HomeZScore);

    public sealed record BarRow(int Position, int Rank, string Name, decimal Saldo, decimal? Percentile, bool IsHome);

    public sealed record ReferenceRow(string Label, decimal? Saldo, string? Deviation, string? Note);

    public sealed record PeerRow(string Code, string Name, decimal Distance, decimal? Saldo, int? Rank, IReadOnlyList<decimal?> Characteristics);

    public sealed record SeriesRow(
        ColumnOption Column,
        decimal? HomeSaldo,
        RankedMunicipality? HomeRank,
        int RankedCount,
        decimal? G40Stated,
        RecomputedAverage G40Recomputed,
        AggregateCheck? G40StatedCheck,
        decimal? SizeClass,
        decimal? Netherlands,
        BenchmarkDeviation? HomeVsG40,
        ColumnOption? ComparedWith,
        decimal? HomeChangePercent,
        decimal? G40RecomputedChangePercent,
        decimal? G40StatedChangePercent);

    public sealed record ReferenceLine(string Label, decimal Saldo, string Colour, int[] Dash);

    public sealed record FindingRow(string Subject, string Message, string Context, string Source);
}
