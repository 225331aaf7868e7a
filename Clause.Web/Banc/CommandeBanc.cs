using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Echelle;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace Clause.Web.Banc;

/// <summary>
/// The benchmark verbs of the app (docs/performance.md): <c>dotnet run -c Release --project Clause.Web -- banc echelle</c>.
/// They print figures; nothing here is a test. Options: <c>--dossier</c> (default artifacts/echelle), <c>--requetes</c>
/// (per page, default 30), <c>--bases demo,nationale,dix-fois</c>.
/// </summary>
public static partial class CommandeBanc
{
    public static bool EstDemandee(string[] args) => args is ["banc", ..];

    public static async Task<int> ExecuterAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verbe = args.Length > 1 ? args[1] : "";
        var dossier = Path.GetFullPath(Option(args, "--dossier") ?? Path.Combine("artifacts", "echelle"));
        var requetes = int.Parse(Option(args, "--requetes") ?? "30", CultureInfo.InvariantCulture);
        var noms = (Option(args, "--bases") ?? "demo,nationale,dix-fois").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var toutes = new[] { ParametresEchelle.Demo, ParametresEchelle.Nationale, ParametresEchelle.DixFois };
        var choisies = toutes.Where(p => noms.Contains(p.Nom)).ToList();
        switch (verbe)
        {
            case "bases":
                foreach (var parametres in choisies) Ecrire(await PreparerAsync(dossier, parametres));
                return 0;
            case "echelle":
                return await BancEchelleAsync(dossier, choisies, requetes);
            default:
                Console.Error.WriteLine("Usage : banc echelle|bases [--dossier artifacts/echelle] [--requetes 30] [--bases demo,nationale,dix-fois]");
                return 2;
        }
    }

    private static string? Option(string[] args, string nom)
    {
        var i = Array.IndexOf(args, nom);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task<BaseEchelle> PreparerAsync(string dossier, ParametresEchelle parametres)
    {
        Console.WriteLine($"Base « {parametres.Nom} » ({parametres.Structures} structure(s) × {parametres.Facteur} copie(s) de la démo)…");
        return await BasesEchelle.PreparerAsync(dossier, parametres);
    }

    private static void Ecrire(BaseEchelle b) =>
        Console.WriteLine(b.Generation is { } d
            ? $"  générée en {d.TotalSeconds:0.0} s : {b.Chemin} ({b.Octets / 1_048_576.0:0} Mo)"
            : $"  réutilisée (même version du générateur) : {b.Chemin} ({b.Octets / 1_048_576.0:0} Mo)");

    // ---------------------------------------------------------------- banc echelle

    private sealed record Page(string Nom, string Adresse, bool Liste, bool Api = false);

    private sealed record Mesure(List<double> Millisecondes, long Octets, int? CommandesSql, int Statut);

    private sealed record Resultat(BaseEchelle Base, TimeSpan Demarrage, long MemoireOctets, long MemoireMaxOctets, Dictionary<string, Mesure> Pages, Mesure Plancher);

    private static async Task<int> BancEchelleAsync(string dossier, List<ParametresEchelle> choisies, int requetes)
    {
        var debut = Stopwatch.StartNew();
        Console.WriteLine($"Banc d'échelle Clause — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cœurs, {Environment.OSVersion}, .NET {Environment.Version}");
        var bases = new List<BaseEchelle>();
        foreach (var parametres in choisies)
        {
            var b = await PreparerAsync(dossier, parametres);
            Ecrire(b);
            bases.Add(b);
        }
        var pages = await PagesAsync(bases[0].Chemin);
        var resultats = new List<Resultat>();
        foreach (var b in bases)
        {
            Console.WriteLine($"Mesure de « {b.Parametres.Nom} » : {requetes} requêtes par page, chacune précédée du plancher (fichier statique)…");
            resultats.Add(await MesurerAsync(b, dossier, pages, requetes));
        }
        Imprimer(resultats, pages);
        Console.WriteLine($"Durée totale du banc : {debut.Elapsed.TotalMinutes:0.0} min");
        return 0;
    }

    /// <summary>The pages timed, with the ids of the template structure (the same in the three databases: ids are derived).</summary>
    private static async Task<List<Page>> PagesAsync(string cheminDemo)
    {
        await using var connexion = new SqliteConnection($"Data Source={cheminDemo};Mode=ReadOnly");
        await connexion.OpenAsync();
        async Task<string> Lire(string sql)
        {
            await using var commande = connexion.CreateCommand();
            commande.CommandText = sql;
            return Convert.ToString(await commande.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
        }
        const string modele = "(SELECT \"Id\" FROM \"Structures\" WHERE substr(\"Id\", 1, 9) = '00000000-')";
        var lot = await Lire($"SELECT \"LotId\" FROM \"Contrats\" WHERE \"StructureId\" = {modele} GROUP BY \"LotId\" ORDER BY count(*) DESC, \"LotId\" LIMIT 1");
        var marche = await Lire($"SELECT \"MarcheId\" FROM \"Lots\" WHERE \"Id\" = '{lot}'");
        var participant = await Lire($"SELECT \"ParticipantId\" FROM \"Contrats\" WHERE \"StructureId\" = {modele} GROUP BY \"ParticipantId\" ORDER BY count(*) DESC, \"ParticipantId\" LIMIT 1");
        var contrat = await Lire($"SELECT \"ContratId\" FROM \"DeclarationsHeures\" WHERE \"StructureId\" = {modele} GROUP BY \"ContratId\" ORDER BY count(*) DESC, \"ContratId\" LIMIT 1");
        var nom = await Lire($"SELECT \"Nom\" FROM \"Participants\" WHERE \"Id\" = '{participant}'");
        var motMarche = (await Lire($"SELECT \"Objet\" FROM \"Marches\" WHERE \"Id\" = '{marche}'")).Split(' ')[0];
        var motOperation = (await Lire($"SELECT \"Nom\" FROM \"Operations\" WHERE \"StructureId\" = {modele} ORDER BY \"Id\" LIMIT 1")).Split(' ')[0];
        string E(string s) => Uri.EscapeDataString(s);
        return
        [
            new("Accueil", "/", true),
            new("Donneurs d'ordre", "/DonneursOrdre", true),
            new("Donneurs d'ordre ?q", "/DonneursOrdre?q=Ville", true),
            new("Opérations", "/Operations", true),
            new("Opérations ?q", $"/Operations?q={E(motOperation)}", true),
            new("Marchés", "/Marches", true),
            new("Marchés ?q", $"/Marches?q={E(motMarche)}", true),
            new("Entreprises", "/Entreprises", true),
            new("Entreprises ?q", "/Entreprises?Recherche=Loire", true),
            new("Participants", "/Participants", true),
            new("Participants ?q", $"/Participants?Recherche={E(nom)}", true),
            new("Contrats", "/Contrats", true),
            new("Contrats ?q", $"/Contrats?q={E(nom)}", true),
            new("Embauches", "/Embauches", true),
            new("Heures à valider", "/Heures/AValider", true),
            new("Un marché", $"/Marches/Details/{marche}", false),
            new("Un lot", $"/Lots/Details/{lot}", false),
            new("Grille d'heures", $"/Heures/Lot/{lot}", false),
            new("Un participant", $"/Participants/Details/{participant}", false),
            new("Un contrat", $"/Contrats/Details/{contrat}", false),
            new("API /lots", "/api/v1/lots", true, Api: true),
            new("API /contrats", "/api/v1/contrats", true, Api: true),
        ];
    }

    private const string Plancher = "/css/clause.css";

    private static async Task<Resultat> MesurerAsync(BaseEchelle b, string dossier, List<Page> pages, int requetes)
    {
        var jeton = await JetonAsync(b, dossier);
        var port = PortLibre();
        var adresse = $"http://127.0.0.1:{port}";
        var demarrage = Stopwatch.StartNew();
        using var processus = Demarrer(b, dossier, adresse);
        try
        {
            using var gestionnaire = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
            using var client = new HttpClient(gestionnaire) { BaseAddress = new Uri(adresse), Timeout = TimeSpan.FromMinutes(2) };
            while (true)
            {
                if (processus.HasExited) throw new InvalidOperationException($"L'application s'est arrêtée au démarrage (code {processus.ExitCode}).");
                try
                {
                    if ((await client.GetAsync(Plancher)).IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) { }
                await Task.Delay(50);
            }
            var tempsDemarrage = demarrage.Elapsed;
            await ConnecterAsync(client);

            var mesures = pages.ToDictionary(p => p.Nom, _ => new List<double>());
            var plancher = new List<double>();
            var derniere = new Dictionary<string, (long Octets, int? Sql, int Statut)>();
            // One warm-up pass (JIT, caches), then the rounds: floor, page, floor, page… in the same run.
            for (var tour = -1; tour < requetes; tour++)
                foreach (var page in pages)
                {
                    var (msPlancher, _, _, _) = await ObtenirAsync(client, Plancher, null);
                    var (ms, octets, sql, statut) = await ObtenirAsync(client, page.Adresse, page.Api ? jeton : null);
                    if (tour < 0) continue;
                    plancher.Add(msPlancher);
                    mesures[page.Nom].Add(ms);
                    derniere[page.Nom] = (octets, sql, statut);
                }
            processus.Refresh();
            var memoire = processus.WorkingSet64;
            var memoireMax = processus.PeakWorkingSet64;
            var (_, octetsPlancher, _, _) = await ObtenirAsync(client, Plancher, null);
            return new Resultat(b, tempsDemarrage, memoire, memoireMax,
                pages.ToDictionary(p => p.Nom, p => new Mesure(mesures[p.Nom], derniere[p.Nom].Octets, derniere[p.Nom].Sql, derniere[p.Nom].Statut)),
                new Mesure(plancher, octetsPlancher, null, 200));
        }
        finally
        {
            if (!processus.HasExited) processus.Kill(entireProcessTree: true);
            await processus.WaitForExitAsync();
        }
    }

    private static async Task<(double Ms, long Octets, int? Sql, int Statut)> ObtenirAsync(HttpClient client, string adresse, string? jeton)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, adresse);
        if (jeton is not null) requete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", jeton);
        var chrono = Stopwatch.StartNew();
        using var reponse = await client.SendAsync(requete);
        var corps = await reponse.Content.ReadAsByteArrayAsync();
        var ms = chrono.Elapsed.TotalMilliseconds;
        int? sql = reponse.Headers.TryGetValues(CompteurCommandesSql.EnTete, out var valeurs) ? int.Parse(valeurs.First(), CultureInfo.InvariantCulture) : null;
        return (ms, corps.LongLength, sql, (int)reponse.StatusCode);
    }

    private static async Task ConnecterAsync(HttpClient client)
    {
        var formulaire = await client.GetStringAsync("/Compte/Connexion");
        var jeton = JetonFormulaire().Match(formulaire).Groups[1].Value;
        using var contenu = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Saisie.Email"] = "facilitateur@clause.demo",
            ["Saisie.MotDePasse"] = SemeurDemo.MotDePasse,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(jeton),
        });
        var reponse = await client.PostAsync("/Compte/Connexion", contenu);
        if (reponse.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Connexion du facilitateur refusée ({(int)reponse.StatusCode}).");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonFormulaire();

    /// <summary>A personal access token of the facilitateur of structure 1 (one more row per run, harmless).</summary>
    private static async Task<string> JetonAsync(BaseEchelle b, string dossier)
    {
        await using var hote = BasesEchelle.Hote(b.Chemin, b.DossierPieces, dossier, TimeProvider.System);
        using var portee = hote.Services.CreateScope();
        portee.ServiceProvider.GetRequiredService<ClauseDbContext>().Contexte.DefinirSysteme("banc");
        var utilisateur = await portee.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync("facilitateur@clause.demo")
            ?? throw new InvalidOperationException("Pas de facilitateur de démonstration dans la base.");
        var jetons = portee.ServiceProvider.GetRequiredService<JetonsAcces>();
        var cree = await jetons.CreerAsync(utilisateur, "banc d'échelle", jetons.ExpirationParDefaut());
        SqliteConnection.ClearAllPools();
        return cree.Secret;
    }

    private static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }

    /// <summary>The app itself (same executable) in Production, on the database, counting its SQL commands.</summary>
    private static Process Demarrer(BaseEchelle b, string dossier, string adresse)
    {
        var executable = Environment.ProcessPath!;
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet") info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        var racine = RacineContenu();
        foreach (var (cle, valeur) in new Dictionary<string, string>
        {
            ["urls"] = adresse,
            ["environment"] = "Production",
            ["contentRoot"] = racine,
            ["Database:SqlitePath"] = b.Chemin,
            ["Pieces:Dossier"] = b.DossierPieces,
            ["DataProtection:KeysPath"] = Path.Combine(dossier, "cles"),
            ["Mail:DossierDepot"] = Path.Combine(dossier, "mails"),
            ["DonneesDemo:Actives"] = "false",
            ["Banc:CompterCommandes"] = "true",
            ["Formulaires:LimiteParMinute"] = "100000",
            ["Api:LimiteParMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            info.ArgumentList.Add($"--{cle}");
            info.ArgumentList.Add(valeur);
        }
        var processus = Process.Start(info)!;
        processus.OutputDataReceived += (_, _) => { };
        processus.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  [app] " + e.Data); };
        processus.BeginOutputReadLine();
        processus.BeginErrorReadLine();
        return processus;
    }

    /// <summary>The Clause.Web project folder (its wwwroot serves the floor in Production), else the current folder.</summary>
    private static string RacineContenu()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Clause.Web.csproj"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }

    // ---------------------------------------------------------------- printing

    private static double Centile(List<double> valeurs, double p)
    {
        var tries = valeurs.Order().ToList();
        var rang = (int)Math.Ceiling(p / 100 * tries.Count) - 1;
        return tries[Math.Clamp(rang, 0, tries.Count - 1)];
    }

    private static void Imprimer(List<Resultat> resultats, List<Page> pages)
    {
        var sortie = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sortie.AppendLine();
        sortie.AppendLine("| Base | Démarrage | Mémoire (fin / max) | Plancher p50 / p95 | Taille |");
        sortie.AppendLine("|---|---|---|---|---|");
        foreach (var r in resultats)
            sortie.AppendLine(inv, $"| {r.Base.Parametres.Nom} | {r.Demarrage.TotalSeconds:0.0} s | {r.MemoireOctets / 1_048_576} / {r.MemoireMaxOctets / 1_048_576} Mo | {Centile(r.Plancher.Millisecondes, 50):0.0} / {Centile(r.Plancher.Millisecondes, 95):0.0} ms | {r.Base.Octets / 1_048_576} Mo |");
        sortie.AppendLine();

        var demo = resultats.FirstOrDefault(r => r.Base.Parametres.Nom == "demo");
        var nationale = resultats.FirstOrDefault(r => r.Base.Parametres.Nom == "nationale");
        var dix = resultats.FirstOrDefault(r => r.Base.Parametres.Nom == "dix-fois");
        var entete = new StringBuilder("| Page |");
        foreach (var r in resultats) entete.Append(inv, $" {r.Base.Parametres.Nom} p50 / p95 (× plancher) |");
        entete.Append(" nat./démo | 10×/démo | HTML démo / 10× | SQL démo / nat. / 10× | Cibles |");
        sortie.AppendLine(entete.ToString());
        sortie.AppendLine(string.Concat(Enumerable.Repeat("|---", resultats.Count + 6)) + "|");
        var depassements = 0;
        foreach (var page in pages)
        {
            var ligne = new StringBuilder().Append(inv, $"| {page.Nom} |");
            foreach (var r in resultats)
            {
                var m = r.Pages[page.Nom];
                var statut = m.Statut == 200 ? "" : $" **{m.Statut}**";
                ligne.Append(inv, $" {Centile(m.Millisecondes, 50):0.0} / {Centile(m.Millisecondes, 95):0.0} ms (× {Centile(m.Millisecondes, 50) / Centile(r.Plancher.Millisecondes, 50):0}){statut} |");
            }
            double? Ratio(Resultat? a) => a is null || demo is null ? null : Centile(a.Pages[page.Nom].Millisecondes, 50) / Centile(demo.Pages[page.Nom].Millisecondes, 50);
            var rNat = Ratio(nationale);
            var rDix = Ratio(dix);
            ligne.Append(inv, $" {Format(rNat)} | {Format(rDix)} |");
            ligne.Append(inv, $" {Ko(demo, page)} / {Ko(dix, page)} |");
            ligne.Append(inv, $" {Sql(demo, page)} / {Sql(nationale, page)} / {Sql(dix, page)} |");
            var cibles = new List<string>();
            if (dix is not null)
            {
                var p95 = Centile(dix.Pages[page.Nom].Millisecondes, 95);
                cibles.Add(p95 < 150 ? "p95 10× OK" : "p95 10× AU-DESSUS");
                if (page.Liste) cibles.Add(rDix <= 2 ? "10×/démo OK" : "10×/démo AU-DESSUS");
            }
            if (rNat is not null) cibles.Add(rNat <= 1.3 ? "nat./démo OK" : "nat./démo AU-DESSUS");
            depassements += cibles.Count(c => c.EndsWith("AU-DESSUS", StringComparison.Ordinal));
            ligne.Append(' ').Append(string.Join(", ", cibles)).Append(" |");
            sortie.AppendLine(ligne.ToString());
        }
        sortie.AppendLine();
        sortie.AppendLine(inv, $"Cibles (issue 17) : p95 < 150 ms à 10× sur chaque page ; nationale/démo ≤ 1,3 sur chaque page ; 10×/démo ≤ 2 sur l'accueil et chaque liste (rapports des médianes). Dépassements : {depassements}.");
        Console.Write(sortie.ToString());
    }

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Ko(Resultat? r, Page page) => r is null ? "—" : (r.Pages[page.Nom].Octets / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " Ko";

    private static string Sql(Resultat? r, Page page) => r?.Pages[page.Nom].CommandesSql?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
