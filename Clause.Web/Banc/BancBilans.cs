using System.Diagnostics;
using System.Globalization;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Echelle;
using Clause.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace Clause.Web.Banc;

/// <summary>
/// The options of <c>banc bilans</c>, read once with every refusal at once: <c>--requetes</c> (timed runs per database, an
/// integer ≥ <see cref="RequetesMin"/>, default 30), <c>--bases</c> (<c>demo</c> and/or <c>dix-fois</c>: never the national
/// one, default both), <c>--au</c> (the last month of the 24, <c>aaaa-mm</c>; default the generator's month, 2026-11).
/// </summary>
public sealed record OptionsBancBilans(int Requetes, IReadOnlyList<ParametresEchelle> Bases, Mois Au)
{
    public const int RequetesMin = 30;

    public const int NombreMois = 24;

    public static readonly IReadOnlyList<ParametresEchelle> BasesPermises = [ParametresEchelle.Demo, ParametresEchelle.DixFois];

    /// <summary>The 24 months ending with <see cref="Au"/>.</summary>
    public PeriodeBilan Periode
    {
        get
        {
            var du = Mois.De(Au.Premier.AddMonths(1 - NombreMois));
            return new PeriodeBilan(du, Au);
        }
    }

    /// <summary>The options, or null with the refusals (French, each naming its option) in <paramref name="erreurs"/>.</summary>
    public static OptionsBancBilans? Lire(string[] args, out List<string> erreurs)
    {
        ArgumentNullException.ThrowIfNull(args);
        erreurs = [];
        var requetes = 30;
        if (Option(args, "--requetes", erreurs) is { } texteRequetes
            && (!int.TryParse(texteRequetes, NumberStyles.None, CultureInfo.InvariantCulture, out requetes) || requetes < RequetesMin))
            erreurs.Add($"--requetes : un nombre entier d'au moins {RequetesMin} est attendu (reçu « {texteRequetes} »).");

        List<ParametresEchelle> bases = [.. BasesPermises];
        if (Option(args, "--bases", erreurs) is { } texteBases)
        {
            var noms = texteBases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            bases = [.. BasesPermises.Where(b => noms.Contains(b.Nom))];
            var inconnues = noms.Where(n => BasesPermises.All(b => b.Nom != n)).ToList();
            if (inconnues.Count > 0)
                erreurs.Add($"--bases : « {string.Join(", ", inconnues)} » refusée(s) ; le banc des bilans ne mesure que demo et dix-fois.");
            else if (bases.Count == 0)
                erreurs.Add("--bases : au moins une base est attendue (demo, dix-fois).");
        }

        var au = Mois.De(DateOnly.FromDateTime(GenerateurEchelle.Maintenant.UtcDateTime));
        if (Option(args, "--au", erreurs) is { } texteAu)
        {
            var refus = new List<RegleMetierException>();
            if (PeriodeBilan.LireMois(texteAu, "au", "de fin", refus) is { } mois) au = mois;
            else erreurs.Add($"--au : le mois de fin doit être au format aaaa-mm (reçu « {texteAu} »).");
        }

        var connues = new[] { "--requetes", "--bases", "--au", "--dossier" };
        for (var i = 2; i < args.Length; i++)
        {
            if (connues.Contains(args[i])) i++;
            else erreurs.Add($"« {args[i]} » : option inconnue (--requetes, --bases, --au, --dossier).");
        }
        return erreurs.Count == 0 ? new OptionsBancBilans(requetes, bases, au) : null;
    }

    private static string? Option(string[] args, string nom, List<string> erreurs)
    {
        var i = Array.IndexOf(args, nom);
        if (i < 0) return null;
        if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) return args[i + 1];
        erreurs.Add($"{nom} : une valeur est attendue après l'option.");
        return null;
    }
}

/// <summary>
/// <c>banc bilans</c> (issue 10, Performance): the bilan of the whole structure (the template one, structure 1) over 24
/// months, timed through <see cref="RequetesBilans.BilanAsync"/> — a new scope per run as a request has — against a bare
/// SQL sum of the same hour lines (the structure's lines of the 24 months, no join, no rule) on the same database. Two
/// warm-up runs, then the rounds: bilan, sum, base after base, so that a burst of load falls on both alike. Prints p50 and
/// p95 of each, their ratio and the targets (≤ 3× the sum, &lt; 500 ms on dix-fois).
/// </summary>
public static partial class CommandeBanc
{
    private sealed record MesureBilans(BaseEchelle Base, string Structure, long Lignes, long Minutes, List<double> Bilan, List<double> Somme);

    private static async Task<int> BancBilansAsync(string dossier, OptionsBancBilans options)
    {
        var debut = Stopwatch.StartNew();
        var periode = options.Periode;
        Console.WriteLine($"Banc des bilans Clause — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"Bilan de la structure, {periode.Du} à {periode.Au} ({periode.NombreMois} mois), {options.Requetes} mesures par base.");
        var mesures = new List<MesureBilans>();
        var hotes = new List<WebApplication>();
        try
        {
            foreach (var parametres in options.Bases)
            {
                var b = await PreparerAsync(dossier, parametres);
                Ecrire(b);
                hotes.Add(BasesEchelle.Hote(b.Chemin, b.DossierPieces, dossier, new HorlogeArretee(GenerateurEchelle.Maintenant)));
                await using var connexion = new SqliteConnection($"Data Source={b.Chemin};Mode=ReadOnly");
                await connexion.OpenAsync();
                await using var commande = connexion.CreateCommand();
                commande.CommandText = "SELECT \"Id\" FROM \"Structures\" WHERE substr(\"Id\", 1, 9) = '00000000-'";
                var structure = Convert.ToString(await commande.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
                var (lignes, minutes) = await SommeNueAsync(b.Chemin, structure, periode);
                mesures.Add(new MesureBilans(b, structure, lignes, minutes, [], []));
            }
            for (var tour = -2; tour < options.Requetes; tour++)
                for (var i = 0; i < mesures.Count; i++)
                {
                    var m = mesures[i];
                    var chrono = Stopwatch.StartNew();
                    using (var portee = hotes[i].Services.CreateScope())
                    {
                        portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Contexte.DefinirTache("banc-bilans", StructureId.De(Guid.Parse(m.Structure)));
                        _ = await portee.ServiceProvider.GetRequiredService<RequetesBilans>().BilanAsync(PerimetreBilan.Structure, periode)
                            ?? throw new InvalidOperationException("Bilan de la structure introuvable.");
                    }
                    var msBilan = chrono.Elapsed.TotalMilliseconds;
                    chrono.Restart();
                    await SommeNueAsync(m.Base.Chemin, m.Structure, periode);
                    var msSomme = chrono.Elapsed.TotalMilliseconds;
                    if (tour < 0) continue;
                    m.Bilan.Add(msBilan);
                    m.Somme.Add(msSomme);
                }
        }
        finally
        {
            foreach (var hote in hotes) await hote.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| Base | Lignes d'heures (24 mois) | Bilan p50 / p95 | Somme nue p50 / p95 | Rapport p50 / p95 | Cibles |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var depassements = 0;
        foreach (var m in mesures)
        {
            double b50 = Centile(m.Bilan, 50), b95 = Centile(m.Bilan, 95), s50 = Centile(m.Somme, 50), s95 = Centile(m.Somme, 95);
            var cibles = new List<string> { b50 / s50 <= 3 ? "≤ 3× : OK" : "≤ 3× : AU-DESSUS" };
            if (m.Base.Parametres == ParametresEchelle.DixFois) cibles.Add(b95 < 500 ? "p95 < 500 ms : OK" : "p95 < 500 ms : AU-DESSUS");
            depassements += cibles.Count(c => c.EndsWith("AU-DESSUS", StringComparison.Ordinal));
            Console.WriteLine(string.Create(inv,
                $"| {m.Base.Parametres.Nom} | {m.Lignes:N0} ({new Duree(m.Minutes).EnHeures:0} h) | {b50:0.0} / {b95:0.0} ms | {s50:0.00} / {s95:0.00} ms | {b50 / s50:0.0} / {b95 / s95:0.0} | {string.Join(", ", cibles)} |"));
        }
        Console.WriteLine();
        Console.WriteLine($"Cibles (issue 10) : bilan ≤ 3× la somme nue (rapport des médianes) ; p95 < 500 ms à 10×. Dépassements : {depassements}.");
        Console.WriteLine($"Durée totale du banc : {debut.Elapsed.TotalMinutes:0.0} min");
        return 0;
    }

    /// <summary>
    /// The baseline: one SQL statement summing the minutes of the structure's hour lines over the range (every status, no
    /// join, no rule), read to the end: what SQLite needs at least to find and read those lines.
    /// </summary>
    private static async Task<(long Lignes, long Minutes)> SommeNueAsync(string chemin, string structure, PeriodeBilan periode)
    {
        await using var connexion = new SqliteConnection($"Data Source={chemin};Mode=ReadOnly");
        await connexion.OpenAsync();
        await using var commande = connexion.CreateCommand();
        commande.CommandText = """
            SELECT count(*), coalesce(sum(d."Minutes"), 0)
            FROM "DeclarationsHeures" AS d
            WHERE d."StructureId" = $structure AND d."Mois" >= $du AND d."Mois" <= $au
            """;
        commande.Parameters.AddWithValue("$structure", structure);
        commande.Parameters.AddWithValue("$du", periode.Du.Code);
        commande.Parameters.AddWithValue("$au", periode.Au.Code);
        await using var lecteur = await commande.ExecuteReaderAsync();
        await lecteur.ReadAsync();
        return (lecteur.GetInt64(0), lecteur.GetInt64(1));
    }
}
