using System.Text;
using CsvHelper;
using SocialDomain.Web.Exports;
using SocialDomain.Web.Import;
using SocialDomain.Web.Infrastructure;

namespace SocialDomain.Web.Features.Import;

/// <summary>
/// The downloadable CSV template of every importable dataset (<see cref="DatasetFormats"/>): the format rules as comment
/// lines (starting with '#', which the importer skips), the Dutch header and one example row, in the Excel dialect of the
/// exports (UTF-8 with BOM, ';', decimal comma), written with CsvHelper.
/// </summary>
public static class ImportTemplates
{
    /// <param name="municipality">Fills in the examples that name the municipality (<see cref="DatasetFormats.HomeCode"/>, <see cref="DatasetFormats.HomeName"/>).</param>
    public static byte[] Create(DatasetFormat format, MunicipalityOptions municipality)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(municipality);
        var config = CsvDialect.Excel.CreateConfiguration();
        config.AllowComments = true;
        config.Comment = '#';
        config.InjectionOptions = CsvHelper.Configuration.InjectionOptions.None;
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.UTF8.Preamble);
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, config))
        {
            foreach (var rule in Rules(format))
            {
                csv.WriteComment(" " + rule);
                csv.NextRecord();
            }

            foreach (var column in format.Columns)
            {
                csv.WriteField(column.Header);
            }

            csv.NextRecord();
            foreach (var column in format.Columns)
            {
                csv.WriteField(column.Example.Replace(DatasetFormats.HomeCode, municipality.Code, StringComparison.Ordinal)
                    .Replace(DatasetFormats.HomeName, municipality.Name, StringComparison.Ordinal));
            }

            csv.NextRecord();
        }

        return buffer.ToArray();
    }

    /// <summary>The format rules of a dataset, as the template's comment lines and the import page list them.</summary>
    public static IEnumerable<string> Rules(DatasetFormat format)
    {
        yield return $"Sjabloon {format.Title} voor /beheer/import; bestandsnaam {format.TemplateFileName} (of {format.Name}.csv).";
        yield return "Regels die met # beginnen slaat de import over. De voorbeeldregel onder de kopregel vervangt u door uw eigen regels.";
        yield return "Scheidingsteken puntkomma (;); tekst in UTF-8 (in Excel: opslaan als 'CSV UTF-8').";
        yield return "Getallen met decimale komma (7,5); duizendtallen eventueel met punten (1.000 is duizend); zonder eenheid. In een bestand met komma als scheidingsteken is de punt het decimaalteken. Ja/nee: ja of nee.";
        yield return "Periode: jaar (2020) of kwartaal (2020-K3). Datum: jjjj-mm-dd of dd-mm-jjjj.";
        yield return $"Verplichte kolommen: {string.Join(", ", format.RequiredColumns.Select(c => c.Header))}; de andere mogen leeg blijven of weg.";
        foreach (var column in format.Columns.Where(c => c.Rule is not null))
        {
            yield return $"{column.Header}: {column.Rule}.";
        }
    }
}
