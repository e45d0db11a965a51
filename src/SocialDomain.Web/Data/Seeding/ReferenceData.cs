using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using SocialDomain.Core.Domain;
using SocialDomain.Web.Data.Entities;

namespace SocialDomain.Web.Data.Seeding;

/// <summary>Temporary seeder for programmes and task fields; replaced by the importer.</summary>
public static class ReferenceData
{
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "SeedData");

    public static void Seed(SocialDomainDbContext db)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" };
        using (var reader = new StreamReader(Path.Combine(SeedDirectory, "reference", "programmes.csv")))
        using (var csv = new CsvReader(reader, config))
        {
            foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
            {
                var code = (string)row["code"];
                if (db.Programmes.Find(code) is null)
                {
                    db.Programmes.Add(new Programme { Code = code, Name = (string)row["name"] });
                }
            }
        }

        db.SaveChanges();
        using (var reader = new StreamReader(Path.Combine(SeedDirectory, "reference", "task_fields.csv")))
        using (var csv = new CsvReader(reader, config))
        {
            foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
            {
                var code = (string)row["code"];
                if (db.TaskFields.Find(code) is null)
                {
                    db.TaskFields.Add(new TaskField
                    {
                        Code = code,
                        Name = (string)row["name"],
                        Domain = ((string)row["domain"]) switch
                        {
                            "wmo" => SocialDomainArea.Wmo,
                            "jeugd" => SocialDomainArea.Jeugd,
                            "voorveld" => SocialDomainArea.Voorveld,
                            _ => SocialDomainArea.WerkInkomen,
                        },
                        ProgrammeCode = (string)row["programme"],
                    });
                }
            }
        }

        db.SaveChanges();
    }
}
