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
/// They print figures; nothing here is a test. Options: <c>--dossier</c> (default artifacts/echelle at the repository root), <c>--requetes</c>
/// (per page, default 30), <c>--bases demo,nationale,dix-fois</c>; <c>banc totaux [--mois aaaa-mm]</c> (issue 12); <c>banc bilans
/// [--requetes 30] [--bases demo,dix-fois] [--au aaaa-mm]</c> (issue 10, <see cref="OptionsBancBilans"/>); <c>banc bases</c>
/// (generates or checks the databases only).
/// </summary>
public static partial class CommandeBanc
{
    public static bool EstDemandee(string[] args) => args is ["banc", ..];

    public static async Task<int> ExecuterAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verbe = args.Length > 1 ? args[1] : "";
        var dossier = Path.GetFullPath(Option(args, "--dossier") ?? Path.Combine(Path.GetDirectoryName(RacineContenu())!, "artifacts", "echelle"));
        if (verbe == "bilans")
        {
            if (OptionsBancBilans.Lire(args, out var erreurs) is { } options) return await BancBilansAsync(dossier, options);
            foreach (var erreur in erreurs) Console.Error.WriteLine(erreur);
            Console.Error.WriteLine("Usage : banc bilans [--requetes 30] [--bases demo,dix-fois] [--au aaaa-mm] [--dossier artifacts/echelle]");
            return 2;
        }
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
            case "totaux":
                return await BancTotauxAsync(dossier, Option(args, "--mois"));
            default:
                Console.Error.WriteLine("Usage : banc echelle|totaux|bilans|bases [--dossier artifacts/echelle] [--requetes 30] [--bases demo,nationale,dix-fois] [--mois aaaa-mm]");
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
        Console.WriteLine($"Mesure : {requetes} requêtes par page et par base, chacune précédée du plancher (fichier statique), les bases en alternance…");
        var resultats = await MesurerAsync(bases, dossier, pages, requetes);
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
        var employeur = await Lire($"SELECT \"EmployeurId\" FROM \"Contrats\" WHERE \"Id\" = '{contrat}'");
        var mois = int.Parse(await Lire($"SELECT max(\"Mois\") FROM \"DeclarationsHeures\" WHERE \"ContratId\" = '{contrat}'"), CultureInfo.InvariantCulture);
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
            new("API /contrats", $"/api/v1/contrats?mois={mois / 100:D4}-{mois % 100:D2}&entreprise={employeur}", true, Api: true),
        ];
    }

    private const string Plancher = "/css/clause.css";

    /// <summary>One app per database, all running at once; the rounds go page by page and base by base, so a burst of load
    /// on the shared machine falls on the three databases alike and the ratios compare like with like.</summary>
    private static async Task<List<Resultat>> MesurerAsync(List<BaseEchelle> bases, string dossier, List<Page> pages, int requetes)
    {
        var applis = new List<(BaseEchelle Base, Process Processus, HttpClient Client, HttpClientHandler Gestionnaire, string Jeton, TimeSpan Demarrage)>();
        try
        {
            foreach (var b in bases)
            {
                var jeton = await JetonAsync(b, dossier);
                var adresse = $"http://127.0.0.1:{PortLibre()}";
                var demarrage = Stopwatch.StartNew();
                var processus = Demarrer(b, dossier, adresse);
                var gestionnaire = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
                var client = new HttpClient(gestionnaire) { BaseAddress = new Uri(adresse), Timeout = TimeSpan.FromMinutes(2) };
                applis.Add((b, processus, client, gestionnaire, jeton, TimeSpan.Zero));
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
                applis[^1] = applis[^1] with { Demarrage = demarrage.Elapsed };
                await ConnecterAsync(client);
            }

            var mesures = applis.Select(_ => pages.ToDictionary(p => p.Nom, _ => new List<double>())).ToList();
            var planchers = applis.Select(_ => new List<double>()).ToList();
            var dernieres = applis.Select(_ => new Dictionary<string, (long Octets, int? Sql, int Statut)>()).ToList();
            // One warm-up pass (JIT, caches), then the rounds: floor, page, floor, page… in the same run, base after base.
            for (var tour = -1; tour < requetes; tour++)
                foreach (var page in pages)
                    for (var i = 0; i < applis.Count; i++)
                    {
                        var (msPlancher, _, _, _) = await ObtenirAsync(applis[i].Client, Plancher, null);
                        var (ms, octets, sql, statut) = await ObtenirAsync(applis[i].Client, page.Adresse, page.Api ? applis[i].Jeton : null);
                        if (tour < 0) continue;
                        planchers[i].Add(msPlancher);
                        mesures[i][page.Nom].Add(ms);
                        dernieres[i][page.Nom] = (octets, sql, statut);
                    }

            var resultats = new List<Resultat>();
            for (var i = 0; i < applis.Count; i++)
            {
                applis[i].Processus.Refresh();
                var (_, octetsPlancher, _, _) = await ObtenirAsync(applis[i].Client, Plancher, null);
                var derniere = dernieres[i];
                var m = mesures[i];
                resultats.Add(new Resultat(applis[i].Base, applis[i].Demarrage, applis[i].Processus.WorkingSet64, applis[i].Processus.PeakWorkingSet64,
                    pages.ToDictionary(p => p.Nom, p => new Mesure(m[p.Nom], derniere[p.Nom].Octets, derniere[p.Nom].Sql, derniere[p.Nom].Statut)),
                    new Mesure(planchers[i], octetsPlancher, null, 200)));
            }
            return resultats;
        }
        finally
        {
            foreach (var appli in applis)
            {
                appli.Client.Dispose();
                appli.Gestionnaire.Dispose();
                if (!appli.Processus.HasExited) appli.Processus.Kill(entireProcessTree: true);
                await appli.Processus.WaitForExitAsync();
                appli.Processus.Dispose();
            }
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
