using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Embauches;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Clause.Domain.Pieces;
using Clause.Domain.Placement;
using Clause.Domain.Securite;
using Clause.Domain.Structures;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Clause.Tests.Web;

/// <summary>
/// Issue 16 item 14, a permanent sweep between tenants. Two structures A and B, each with a full set of records, and in A
/// two companies E1 and E2 with their own. The routes are read from the app's endpoints (every page handler and every
/// non-page endpoint whose route has a parameter); each parameter's type comes from the handler's parameters, the page's
/// bound properties or the endpoint's method, and is replaced by the other tenant's id of that type. Every user of A
/// allowed to call the route (Direction, Facilitateur, Référent, donneur d'ordre, the company E1; the API with their
/// tokens) gets a 404 — GET, and POST with a valid antiforgery token — and E1 gets a 404 with E2's ids; the database and
/// the proofs' folder are the same before and after. Each id is first shown to be real: the same address answers its
/// owner (a user of B, of E2) with something else than a 404. A new page is swept, or the test says what to seed.
/// </summary>
public partial class BalayageLocatairesTests(FabriqueClause app, ITestOutputHelper sortie) : IClassFixture<FabriqueClause>
{
    private const string GenreUtilisateur = "Utilisateur";
    private const string GenreJeton = "JetonAcces";
    private const string GenreContactEntreprise = "ContactEntreprise";
    private const string GenreContactDonneurOrdre = "ContactDonneurOrdre";

    /// <summary>Route parameters bound to a bare <see cref="Guid"/>: what they name, by page (or API route) and parameter.</summary>
    private static readonly Dictionary<(string Route, string Parametre), string> GuidsNonTypes = new()
    {
        [("/Structure/AccesUtilisateur", "id")] = GenreUtilisateur,
        [("/Structure/DoubleFacteur", "id")] = GenreUtilisateur,
        [("/Structure/RevoquerJeton", "id")] = GenreJeton,
        [("/Compte/RevoquerJeton", "id")] = GenreJeton,
        [("/DonneursOrdre/Contact", "contactId")] = GenreContactDonneurOrdre,
        [("/Entreprises/Compte", "contactId")] = GenreContactEntreprise,
        [("/Entreprises/Contact", "contactId")] = GenreContactEntreprise,
        [("/api/v1/lots/{id:guid}", "id")] = nameof(LotId),
    };

    /// <summary>Route parameters that name no record, with the value used and why no other tenant's value exists.</summary>
    private static readonly Dictionary<(string Route, string Parametre), (string Valeur, string Raison)> NonIdentifiants = new()
    {
        [("/Portail/Heures/Mois", "mois")] = ("2026-02", "un mois (aaaa-mm), pas un enregistrement : la page ne montre que les contrats de l'entreprise connectée"),
    };

    /// <summary>
    /// The API's ids outside its routes: per endpoint, the parameter and the request ({LotId}… replaced by the other
    /// tenant's id; a GET's query string, a POST's JSON body).
    /// </summary>
    private static readonly (string Methode, string Gabarit, string Parametre, string Modele)[] SondesApi =
    [
        ("GET", "/api/v1/contrats", "entreprise", "?mois=2026-02&entreprise={EntrepriseId}"),
        ("GET", "/api/v1/declarations/", "entreprise", "?mois=2026-02&entreprise={EntrepriseId}"),
        ("GET", "/api/v1/bilans/", "id", "?perimetre=lot&id={LotId}&du=2026-01&au=2026-03"),
        ("GET", "/api/v1/bilans/", "id", "?perimetre=marche&id={MarcheId}&du=2026-01&au=2026-03"),
        ("GET", "/api/v1/bilans/", "id", "?perimetre=operation&id={OperationId}&du=2026-01&au=2026-03"),
        ("GET", "/api/v1/bilans/", "id", "?perimetre=donneurOrdre&id={DonneurOrdreId}&du=2026-01&au=2026-03"),
        ("POST", "/api/v1/declarations/", "saisie", """{"lignes":[{"contratId":"{ContratId}","mois":"2026-02","heures":12}]}"""),
    ];

    /// <summary>API parameters that name no record: a month, a period, a page, a status, the kind of a scope, the import's key.</summary>
    private static readonly HashSet<string> ParametresApiSansIdentifiant = new(StringComparer.Ordinal) { "mois", "du", "au", "page", "taille", "statut", "perimetre", "ref" };

    /// <summary>Routes with a parameter that serve no record (the API's description), with their reason.</summary>
    private static readonly Dictionary<string, string> HorsApplication = new(StringComparer.Ordinal)
    {
        ["/api/{documentName}/openapi.json"] = "le document OpenAPI par son nom : la description de l'API, aucune donnée d'une structure",
        ["/api/v1/reference/{documentName?}"] = "la référence de l'API (Scalar) par document : aucune donnée d'une structure",
    };

    /// <summary>
    /// Tables left out of the fingerprint, each changing legitimately on any request: the sign-in sessions (last activity),
    /// the API's idempotency records (kept per key), Quartz's tables (the scheduler's own state).
    /// </summary>
    private static readonly string[] TablesExclues = ["SessionsConnexion", "RequetesIdempotentes", "QRTZ_*"];

    /// <summary>A signed-in user, and its API client when its role may hold a token (<see cref="JetonsAcces.RolesAutorises"/>).</summary>
    private sealed record Client(string Nom, string Role, HttpClient Http, string Antiforgery, HttpClient? Api);

    /// <summary>The ids of one tenant's records, by kind (a typed id's type name, or a kind of <see cref="GuidsNonTypes"/>).</summary>
    private sealed record Locataire(string Nom, Dictionary<string, Guid> Ids, IReadOnlyList<string> Marques);

    /// <summary>
    /// One request of a visitor with another tenant's id. In a route (<paramref name="Marques"/> null): a 404. In the query
    /// string or a body (a filter, a form's choice): a 404 or a refusal, or an answer showing none of the other tenant's
    /// <paramref name="Marques"/> (names of its company, participant, donneur d'ordre).
    /// </summary>
    private sealed record Sonde(string Libelle, string Methode, string Url, Client Client, bool Api, IReadOnlyList<string>? Marques = null,
        string? Corps = null);

    private sealed record Controle(string Url, IReadOnlyList<Client> Proprietaires, bool Api);

    private sealed record Balayage(Locataire Autre, IReadOnlyList<Client> Visiteurs, IReadOnlyList<Client> Proprietaires);

    [Fact]
    public async Task Chaque_route_qui_prend_un_identifiant_repond_404_avec_celui_d_un_autre_locataire_et_rien_ne_change()
    {
        var (a, b, e1, e2) = await SemerAsync();
        var erreurs = new List<string>();
        var sondes = new List<Sonde>();
        var controles = new Dictionary<string, Controle>(StringComparer.Ordinal);
        var balayages = new[]
        {
            new Balayage(b.Locataire, [a.Direction, a.Facilitateur, a.Referent, a.Acheteur, a.E1], [b.Direction, b.Facilitateur, b.Referent, b.Acheteur, b.E1]),
            // E2 shares A with E1; A's buyer is E1's donneur d'ordre, not E2's.
            new Balayage(e2, [a.E1, a.Acheteur], [a.E2!, a.Facilitateur, a.Direction]),
        };

        var routes = 0;
        var sansIdentifiant = new List<string>();
        var administrateur = new List<string>();
        foreach (var handler in (await PointsApplication.HandlersAsync(app.Services)).DistinctBy(h => (h.Page, h.Methode, h.Nom)))
        {
            var parametres = handler.Route.Parameters;
            if (parametres.Count == 0) continue;
            var libelle = $"{handler.Methode} {handler.Page}{(handler.Nom.Length > 0 ? "?handler=" + handler.Nom : "")}";
            if (!balayages.SelectMany(x => x.Visiteurs).Any(c => handler.Autorises.Contains(c.Role)))
            {
                if (handler.Autorises.All(r => r == Roles.Administrateur)) administrateur.Add(libelle);
                else erreurs.Add($"{libelle} : aucun utilisateur de A ne peut la demander ([{string.Join(", ", handler.Autorises)}]) ; ajoutez ce rôle au balayage.");
                continue;
            }
            var types = parametres.ToDictionary(p => p.Name, p => TypeDuParametre(handler, p.Name));
            if (!Identifiants(handler.Page, types, libelle, erreurs, out var genres)) continue;
            if (genres.Count == 0)
            {
                sansIdentifiant.Add(libelle);
                continue;
            }
            routes++;
            var suffixe = handler.Nom.Length > 0 ? "?handler=" + handler.Nom : "";
            foreach (var balayage in balayages)
            {
                var visiteurs = balayage.Visiteurs.Where(c => handler.Autorises.Contains(c.Role)).ToList();
                if (visiteurs.Count == 0) continue;
                foreach (var (variante, url) in Adresses(handler.Route, genres, balayage.Autre, a.Locataire, handler.Page))
                {
                    if (variante == "tout" && handler.Methode == "GET")
                        controles.TryAdd(url + suffixe, new Controle(url + suffixe, balayage.Proprietaires.Where(c => handler.Autorises.Contains(c.Role)).ToList(), Api: false));
                    foreach (var visiteur in visiteurs)
                        sondes.Add(new Sonde($"{libelle} ({variante} de {balayage.Autre.Nom})", handler.Methode, url + suffixe, visiteur, Api: false));
                }
            }
        }

        // Ids in the query string of a page (a handler's parameter or a [BindProperty(SupportsGet = true)] not in the route).
        var filtres = 0;
        foreach (var handler in (await PointsApplication.HandlersAsync(app.Services)).Where(h => h.Methode == "GET").DistinctBy(h => (h.Page, h.Nom)))
        {
            var dansLaRoute = handler.Route.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var requete = ParametresDeRequete(handler).Where(p => !dansLaRoute.Contains(p.Nom)).ToList();
            if (requete.Count == 0) continue;
            var libelle = $"GET {handler.Page}{(handler.Nom.Length > 0 ? "?handler=" + handler.Nom : "")}";
            var types = handler.Route.Parameters.ToDictionary(p => p.Name, p => TypeDuParametre(handler, p.Name));
            if (!balayages.SelectMany(x => x.Visiteurs).Any(c => handler.Autorises.Contains(c.Role))) continue;
            if (!Identifiants(handler.Page, types, libelle, [], out var genres)) continue;
            filtres++;
            foreach (var balayage in balayages)
                foreach (var visiteur in balayage.Visiteurs.Where(c => handler.Autorises.Contains(c.Role)))
                {
                    // The route's own ids are the visitor's (E1's records, or A's): only the query's id is foreign.
                    var chemin = Adresses(handler.Route, genres, a.Locataire, a.Locataire, handler.Page).First().Url;
                    foreach (var (nom, genre) in requete)
                    {
                        if (!balayage.Autre.Ids.TryGetValue(genre, out var id))
                        {
                            erreurs.Add($"{libelle} : le paramètre de requête « {nom} » ({genre}) n'a pas d'enregistrement semé pour {balayage.Autre.Nom}.");
                            continue;
                        }
                        var url = chemin + (handler.Nom.Length > 0 ? $"?handler={handler.Nom}&" : "?") + $"{nom}={id}";
                        sondes.Add(new Sonde($"{libelle} (« {nom} » de {balayage.Autre.Nom})", "GET", url, visiteur, Api: false, balayage.Autre.Marques));
                    }
                }
        }

        // Ids in the API's query strings and bodies: each one named below, and every parameter of an endpoint that could name a record must be.
        var pointsApi = (await PointsApplication.PointsNonPagesAsync(app.Services)).Where(p => (p.Route.RawText ?? "").TrimStart('/').StartsWith("api/", StringComparison.Ordinal)).ToList();
        foreach (var point in pointsApi)
            foreach (var parametre in point.Methode?.GetParameters() ?? [])
            {
                var type = Nullable.GetUnderlyingType(parametre.ParameterType) ?? parametre.ParameterType;
                var gabarit = "/" + (point.Route.RawText ?? "").TrimStart('/');
                if (point.Route.Parameters.Any(r => string.Equals(r.Name, parametre.Name, StringComparison.OrdinalIgnoreCase))) continue;
                var candidat = type == typeof(string) || type == typeof(Guid) || EstIdentifiantType(type) || (type.IsClass && type.Namespace == typeof(Clause.Web.Api.PageApi<>).Namespace);
                if (candidat && !ParametresApiSansIdentifiant.Contains(parametre.Name!) && !SondesApi.Any(x => x.Gabarit == gabarit && x.Parametre == parametre.Name))
                    erreurs.Add($"{string.Join("|", point.Methodes)} {gabarit} : le paramètre « {parametre.Name} » ({type.Name}) peut nommer un enregistrement — ajoutez une sonde à SondesApi ou son nom à ParametresApiSansIdentifiant.");
            }
        foreach (var (methode, gabarit, _, modele) in SondesApi)
        {
            var point = pointsApi.SingleOrDefault(p => "/" + (p.Route.RawText ?? "").TrimStart('/') == gabarit && p.Methodes.Contains(methode));
            if (point is null)
            {
                erreurs.Add($"SondesApi : {methode} {gabarit} n'est plus un endpoint de l'application.");
                continue;
            }
            foreach (var balayage in balayages)
                foreach (var visiteur in balayage.Visiteurs.Where(c => c.Api is not null && point.Autorises.Contains(c.Role)))
                {
                    var texte = Emplacement().Replace(modele, m => balayage.Autre.Ids[m.Groups[1].Value].ToString());
                    var (url, corps) = methode == "GET" ? (gabarit + texte, (string?)null) : (gabarit, texte);
                    sondes.Add(new Sonde($"{methode} {gabarit} ({balayage.Autre.Nom})", methode, url, visiteur, Api: true, balayage.Autre.Marques, corps));
                }
        }

        foreach (var point in await PointsApplication.PointsNonPagesAsync(app.Services))
        {
            var gabarit = "/" + (point.Route.RawText ?? "").TrimStart('/');
            if (point.Route.Parameters.Count == 0) continue;
            if (HorsApplication.ContainsKey(gabarit)) continue;
            if (!gabarit.StartsWith("/api/", StringComparison.Ordinal))
            {
                erreurs.Add($"{gabarit} ({point.Nom}) : route hors de l'API avec un paramètre, inconnue du balayage ; balayez-la ou déclarez-la dans HorsApplication.");
                continue;
            }
            var types = point.Route.Parameters.ToDictionary(p => p.Name,
                p => point.Methode?.GetParameters().FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase))?.ParameterType);
            foreach (var methode in point.Methodes)
            {
                var libelle = $"{methode} {gabarit}";
                if (!Identifiants(gabarit, types, libelle, erreurs, out var genres)) continue;
                if (genres.Count == 0)
                {
                    sansIdentifiant.Add(libelle);
                    continue;
                }
                routes++;
                foreach (var balayage in balayages)
                {
                    var visiteurs = balayage.Visiteurs.Where(c => c.Api is not null && point.Autorises.Contains(c.Role)).ToList();
                    foreach (var (variante, url) in Adresses(point.Route, genres, balayage.Autre, a.Locataire, gabarit))
                    {
                        if (variante == "tout" && methode == "GET")
                            controles.TryAdd("api " + url, new Controle(url, balayage.Proprietaires.Where(c => c.Api is not null && point.Autorises.Contains(c.Role)).ToList(), Api: true));
                        foreach (var visiteur in visiteurs)
                            sondes.Add(new Sonde($"{libelle} ({variante} de {balayage.Autre.Nom})", methode, url, visiteur, Api: true));
                    }
                }
            }
        }
        Assert.True(erreurs.Count == 0, string.Join(Environment.NewLine, erreurs));
        Assert.True(routes > 40, $"Seulement {routes} routes avec un identifiant : les endpoints de l'application n'ont pas été lus.");

        // Every id is real: the address answers its owner (one of them at least) otherwise than 404 or a refusal.
        foreach (var controle in controles.Values)
        {
            var reponses = new List<string>();
            foreach (var proprietaire in controle.Proprietaires)
            {
                using var reponse = await (controle.Api ? proprietaire.Api! : proprietaire.Http).GetAsync(controle.Url);
                reponses.Add($"{proprietaire.Nom} → {(int)reponse.StatusCode}");
                if (Trouvee(reponse)) break;
                reponses[^1] += " ✗";
            }
            if (reponses.Count == 0 || reponses[^1].EndsWith('✗'))
                erreurs.Add($"Contrôle {controle.Url} : son propriétaire ne l'obtient pas ({string.Join(", ", reponses)}) ; semez de quoi l'afficher, sinon la sonde ne prouve rien.");
        }
        Assert.True(erreurs.Count == 0, string.Join(Environment.NewLine, erreurs));

        // The day's first use of a token writes its date: used once before the fingerprint.
        foreach (var client in new[] { a.Direction, a.Facilitateur, a.Referent, a.Acheteur, a.E1, a.E2!, b.Direction, b.Facilitateur, b.Referent, b.Acheteur, b.E1 })
            if (client.Api is not null) (await client.Api.GetAsync("/api/v1/moi")).Dispose();
        var avant = await EmpreinteBase.LireAsync(app.CheminBase, TablesExclues, app.DossierPieces);

        foreach (var sonde in sondes)
        {
            using var reponse = await EnvoyerAsync(sonde);
            var statut = (int)reponse.StatusCode;
            if (sonde.Marques is not null)
            {
                var texte = await reponse.Content.ReadAsStringAsync();
                var vues = sonde.Marques.Where(m => texte.Contains(m, StringComparison.Ordinal)).ToList();
                if (statut >= 500 || vues.Count > 0 || (sonde.Api && statut is >= 200 and < 300))
                    erreurs.Add($"{sonde.Client.Nom} : {sonde.Libelle} {sonde.Methode} {sonde.Url} → {statut}{(vues.Count > 0 ? " montre " + string.Join(", ", vues) : "")}");
            }
            else if (reponse.StatusCode != HttpStatusCode.NotFound)
                erreurs.Add($"{sonde.Client.Nom} : {sonde.Libelle} {sonde.Methode} {sonde.Url} → {statut}{Destination(reponse)}");
            else if (sonde.Api && reponse.Content.Headers.ContentType?.MediaType != "application/problem+json")
                erreurs.Add($"{sonde.Client.Nom} : {sonde.Libelle} {sonde.Url} → 404 sans problem details ({reponse.Content.Headers.ContentType?.MediaType})");
        }
        var apres = await EmpreinteBase.LireAsync(app.CheminBase, TablesExclues, app.DossierPieces);

        sortie.WriteLine($"{routes} routes avec un identifiant, {filtres} pages avec un identifiant dans la requête, {SondesApi.Length} requêtes d'API avec un identifiant hors de la route, {sondes.Count} sondes ({sondes.Count(s => s.Methode == "POST")} POST, "
            + $"{sondes.Count(s => s.Api)} API), {controles.Count} contrôles, {avant.Count} tables et dossiers comparés.");
        sortie.WriteLine($"Sans identifiant : {string.Join(", ", sansIdentifiant)}.");
        sortie.WriteLine($"Réservées à l'administrateur (sans structure) : {administrateur.Count} ({string.Join(", ", administrateur)}).");
        erreurs.AddRange(EmpreinteBase.Differences(avant, apres).Select(d => "Modifié par le balayage : " + d));
        Assert.True(erreurs.Count == 0, $"{erreurs.Count} sondes en défaut sur {sondes.Count} :{Environment.NewLine}{string.Join(Environment.NewLine, erreurs)}");
    }

    /// <summary>The kind of every parameter naming a record; false (with the reason in <paramref name="erreurs"/>) for an unknown one.</summary>
    private static bool Identifiants(string route, Dictionary<string, Type?> types, string libelle, List<string> erreurs, out Dictionary<string, string> genres)
    {
        genres = [];
        var connus = true;
        foreach (var (nom, type) in types)
        {
            var brut = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
            if (NonIdentifiants.ContainsKey((route, nom))) continue;
            if (brut is not null && EstIdentifiantType(brut))
                genres[nom] = brut.Name;
            else if (GuidsNonTypes.TryGetValue((route, nom), out var genre))
                genres[nom] = genre;
            else
            {
                erreurs.Add($"{libelle} : le paramètre « {nom} » ({brut?.Name ?? "type introuvable"}) ne dit pas ce qu'il nomme — typez-le (LotId, ContratId…), "
                    + "ou déclarez-le dans GuidsNonTypes (avec son enregistrement semé pour chaque locataire) ou NonIdentifiants (avec sa raison).");
                connus = false;
            }
        }
        return connus;
    }

    private static bool EstIdentifiantType(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIdentifiant<>));

    /// <summary>The typed ids a GET handler reads: its parameters, and the page's properties bound on GET, by the name they are read under.</summary>
    private static IEnumerable<(string Nom, string Genre)> ParametresDeRequete(HandlerPage handler)
    {
        var methode = handler.Descripteur.HandlerMethods.FirstOrDefault(m => m.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && (m.Name ?? "") == handler.Nom);
        foreach (var p in methode?.Parameters ?? [])
        {
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (EstIdentifiantType(type)) yield return (p.BindingInfo?.BinderModelName ?? p.Name, type.Name);
        }
        foreach (var p in handler.Descripteur.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (EstIdentifiantType(type) && p.Property.GetCustomAttributes(typeof(BindPropertyAttribute), true).OfType<BindPropertyAttribute>().Any(b => b.SupportsGet))
                yield return (p.BindingInfo?.BinderModelName ?? p.Name, type.Name);
        }
    }

    /// <summary>A route parameter's type: the handler's parameter of that name, else the page's bound property.</summary>
    private static Type? TypeDuParametre(HandlerPage handler, string nom)
    {
        var methode = handler.Descripteur.HandlerMethods.FirstOrDefault(m => m.HttpMethod.Equals(handler.Methode, StringComparison.OrdinalIgnoreCase)
            && (m.Name ?? "") == handler.Nom);
        return methode?.Parameters.FirstOrDefault(p => string.Equals(p.BindingInfo?.BinderModelName ?? p.Name, nom, StringComparison.OrdinalIgnoreCase))?.ParameterType
            ?? handler.Descripteur.BoundProperties.FirstOrDefault(p => string.Equals(p.BindingInfo?.BinderModelName ?? p.Name, nom, StringComparison.OrdinalIgnoreCase))?.ParameterType;
    }

    /// <summary>
    /// The addresses of a route with the other tenant's ids: all of them; with two or more, each one alone among the
    /// visitor's own (a page that checks only its first id); an optional one left out.
    /// </summary>
    private static IEnumerable<(string Variante, string Url)> Adresses(RoutePattern route, Dictionary<string, string> genres, Locataire autre, Locataire propre,
        string cle)
    {
        string Url(Func<string, Guid?> valeur) =>
            "/" + string.Join("/", route.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart l => l.Content,
                RoutePatternSeparatorPart s2 => s2.Content,
                RoutePatternParameterPart m when NonIdentifiants.TryGetValue((cle, m.Name), out var n) => n.Valeur,
                RoutePatternParameterPart m => valeur(m.Name)?.ToString() ?? "",
                _ => "",
            })))).TrimEnd('/').Replace("//", "/", StringComparison.Ordinal);

        Guid Id(Locataire l, string parametre) =>
            l.Ids.TryGetValue(genres[parametre], out var id) ? id : throw new InvalidOperationException($"{l.Nom} : aucun {genres[parametre]} semé.");

        yield return ("tout", Url(p => Id(autre, p)));
        if (genres.Count > 1)
            foreach (var seul in genres.Keys)
                yield return ($"« {seul} » seul", Url(p => Id(p == seul ? autre : propre, p)));
        foreach (var optionnel in route.Parameters.Where(p => p.IsOptional && genres.ContainsKey(p.Name) && genres.Count > 1))
            yield return ($"sans « {optionnel.Name} »", Url(p => p == optionnel.Name ? null : Id(autre, p)));
    }

    private static async Task<HttpResponseMessage> EnvoyerAsync(Sonde sonde)
    {
        var client = sonde.Api ? sonde.Client.Api! : sonde.Client.Http;
        if (sonde.Methode == "GET") return await client.GetAsync(sonde.Url);
        using var requete = new HttpRequestMessage(new HttpMethod(sonde.Methode), sonde.Url);
        requete.Content = sonde.Api
            ? new StringContent(sonde.Corps ?? "{}", Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = sonde.Client.Antiforgery });
        if (sonde.Api) requete.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(requete);
    }

    /// <summary>The owner reached its record: any answer but a 404, a server error or a refusal (to the sign-in or access-denied page).</summary>
    private static bool Trouvee(HttpResponseMessage reponse)
    {
        if ((int)reponse.StatusCode >= 500 || reponse.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) return false;
        var lieu = reponse.Headers.Location?.OriginalString ?? "";
        return !lieu.Contains("/Compte/AccesRefuse", StringComparison.Ordinal) && !lieu.Contains("/Compte/Connexion", StringComparison.Ordinal);
    }

    private static string Destination(HttpResponseMessage reponse) =>
        reponse.Headers.Location is { } lieu ? " vers " + lieu.OriginalString : "";

    // ——— The two structures ———

    private sealed record StructureSemee(Locataire Locataire, Client Direction, Client Facilitateur, Client Referent, Client Acheteur, Client E1, Client? E2);

    private sealed record Personnel(Structure Structure, Utilisateur Direction,
        Utilisateur Facilitateur, Utilisateur Referent);

    /// <summary>A (E1, E2), B (one company); the tenant B seen from A, and E2 seen from E1.</summary>
    private async Task<(StructureSemee A, StructureSemee B, Locataire E1, Locataire E2)> SemerAsync()
    {
        var personnelA = await PersonnelAsync();
        var personnelB = await PersonnelAsync();
        // Names found nowhere else (ASCII, as the pages write them): a page showing one shows that tenant's record.
        var (jeuE1, compteE1) = await JeuAsync(personnelA, "Batiments du Val Alpha", "Martin");
        var (jeuE2, compteE2) = await JeuAsync(personnelA, "Peintures Quillevere", "Quillevere");
        var (jeuB, compteB) = await JeuAsync(personnelB, "Charpentes Zorglub", "Zorglub");

        var a = await ClientsAsync("A", personnelA, jeuE1, compteE1, compteE2, ["Batiments du Val Alpha", "Quillevere"]);
        var b = await ClientsAsync("B", personnelB, jeuB, compteB, null, ["Zorglub"]);
        var e2 = new Locataire("E2", new(jeuE2) { [GenreUtilisateur] = compteE2.Id, [GenreJeton] = await JetonIdAsync(compteE2) }, ["Quillevere"]);
        var e1 = new Locataire("E1", jeuE1, ["Batiments du Val Alpha"]);
        return (a, b, e1, e2);
    }

    private async Task<Personnel> PersonnelAsync()
    {
        var structure = await app.CreerStructureAsync();
        return new Personnel(structure, await app.CreerUtilisateurAsync(Roles.Direction, structure.Id),
            await app.CreerUtilisateurAsync(Roles.Facilitateur, structure.Id), await app.CreerUtilisateurAsync(Roles.Referent, structure.Id));
    }

    private async Task<StructureSemee> ClientsAsync(string nom, Personnel p, Dictionary<string, Guid> jeu, Utilisateur compteE1,
        Utilisateur? compteE2, IReadOnlyList<string> marques)
    {
        var acheteur = await app.CreerUtilisateurAsync(Roles.DonneurOrdre, p.Structure.Id, donneurOrdreId: DonneurOrdreId.De(jeu[nameof(DonneurOrdreId)]));
        var direction = await ClientAsync($"Direction de {nom}", Roles.Direction, p.Direction);
        var facilitateur = await ClientAsync($"Facilitateur de {nom}", Roles.Facilitateur, p.Facilitateur);
        var referent = await ClientAsync($"Référent de {nom}", Roles.Referent, p.Referent);
        var donneur = await ClientAsync($"Donneur d'ordre de {nom}", Roles.DonneurOrdre, acheteur);
        var e1 = await ClientAsync($"Entreprise 1 de {nom}", Roles.Entreprise, compteE1);
        var e2 = compteE2 is null ? null : await ClientAsync($"Entreprise 2 de {nom}", Roles.Entreprise, compteE2);
        // The tenant's own ids (for the mixed addresses): its first company's records, its facilitateur and his token.
        var locataire = new Locataire(nom, new(jeu) { [GenreUtilisateur] = p.Facilitateur.Id, [GenreJeton] = await JetonIdAsync(p.Facilitateur) }, marques);
        return new StructureSemee(locataire, direction, facilitateur, referent, donneur, e1, e2);
    }

    private async Task<Client> ClientAsync(string nom, string role, Utilisateur compte)
    {
        var http = await app.ConnecterAsync(compte.Email!);
        var page = await http.GetStringAsync("/Compte/MonCompte");
        var jeton = new HtmlParser().ParseDocument(page).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(jeton), $"Pas de jeton antiforgery pour {nom}.");
        var api = JetonsAcces.RolesAutorises.Contains(role) ? app.ClientApi(await app.CreerJetonAsync(compte)) : null;
        return new Client(nom, role, http, jeton!, api);
    }

    private Task<Guid> JetonIdAsync(Utilisateur compte) =>
        app.LireBaseAsync(db => db.JetonsAcces.IgnoreQueryFilters().Where(j => j.UtilisateurId == compte.Id).Select(j => j.Id).SingleAsync());

    /// <summary>
    /// One company's full set in the structure: its donneur d'ordre (a contact), opération, marché and lot in execution held
    /// by the company (a contact, a portal account), a participant followed by the structure's référent, a validated contrat,
    /// February's hours submitted through the portal's service (a submission and its line), a proof, a hiring proposal.
    /// </summary>
    private async Task<(Dictionary<string, Guid> Ids, Utilisateur Compte)> JeuAsync(Personnel p, string raisonSociale, string nomParticipant)
    {
        var s = p.Structure.Id;
        var reglages = Reglages.ParDefaut(s);
        var donneur = DonneurOrdre.Creer(s, "Ville de " + nomParticipant, TypeDonneurOrdre.Commune, AcheteursDeTest.NouveauSiret(), "1 place de la Mairie", "37000", "Tours");
        var contactDonneur = donneur.AjouterContact("Claire Lemoine", RoleContactDonneurOrdre.ServiceMarches, "claire.lemoine@exemple.fr", null);
        var operation = Operation.Creer(donneur, "Rénovation du quartier Sanitas", "Tours", SituationsMarches.Debut, SituationsMarches.Fin,
            ProgrammeRenouvellement.Npnru, true, "QP037005", Taux.Pourcent(5));
        var marche = Marche.Creer(operation, "2026-001", "Réhabilitation de 120 logements", TypeMarche.Ordinaire, new DateOnly(2025, 12, 15),
            SituationsMarches.Debut, SituationsMarches.Fin, Montant.Euros(1_000_000), [SituationsMarches.LotF1()], reglages, app.Horloge);
        var lot = marche.Lots[0];
        var entreprise = Entreprise.Creer(s, raisonSociale, AcheteursDeTest.NouveauSiret(), TypeEmployeur.Classique);
        var contactEntreprise = entreprise.AjouterContact("Jean Dupont", RoleContactEntreprise.RH, $"rh-{Guid.NewGuid():N}@exemple.fr", null);
        lot.Attribuer(entreprise, RoleAttribution.Attributaire, new DateOnly(2025, 12, 15));
        lot.Lancer();
        lot.MettreEnExecution();
        var participant = ParticipantsDeTest.UnParticipant(s, nom: nomParticipant, prenom: "Léa", referentId: p.Referent.Id);
        participant.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        var contrat = Contrat.Proposer(participant, lot, entreprise, SituationsContrats.Donnees(), reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        contrat.Valider(participant, reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        // Issue 13: the participant's PLIE parcours, followed by the structure's référent.
        var parcours = Clause.Domain.Parcours.Parcours.Ouvrir(participant,
            new Clause.Domain.Parcours.DonneesOuverture(p.Referent.Id, new DateOnly(2026, 1, 2), null, Clause.Domain.Parcours.TrancheInactivite.MoinsUnAn),
            new Clause.Domain.Parcours.ReferentCandidat(p.Referent.Id, s, true), false, new DateOnly(2026, 3, 15));
        var proposition = PropositionEmbauche.Proposer(entreprise.Id, lot, entreprise, new PersonneProposee("Durand", "Paul", new DateOnly(1990, 6, 1), "paul.durand@exemple.fr", null),
            SituationsContrats.Donnees(), reglages, SituationsContrats.Entreprise, app.Horloge.GetUtcNow(), new DateOnly(2026, 3, 15));
        // A poste of the company and the participant's candidature, presented to it (issue 14: the company answers it).
        var poste = PosteAPourvoir.Creer(lot, entreprise.Id, new DonneesPoste("Maçon VRD", null, 1, TypeContrat.CDD, new DateOnly(2026, 4, 1), null, null, null),
            SituationsContrats.Facilitateur, app.Horloge.GetUtcNow());
        var candidature = Candidature.Proposer(poste, participant, "lea@exemple.fr", null, reglages, SituationsContrats.Facilitateur, app.Horloge.GetUtcNow());
        candidature.Valider(poste, participant, reglages, null, SituationsContrats.Facilitateur, app.Horloge.GetUtcNow());
        Candidature.PresenterListe(poste, [candidature], SituationsContrats.Facilitateur, app.Horloge.GetUtcNow());
        await app.EcrireAsync(db =>
        {
            db.PostesAPourvoir.Add(poste);
            db.Candidatures.Add(candidature);
            db.DonneursOrdre.Add(donneur);
            db.Operations.Add(operation);
            db.Entreprises.Add(entreprise);
            db.Marches.Add(marche);
            db.Participants.Add(participant);
            db.Contrats.Add(contrat);
            db.Parcours.Add(parcours);
            db.PropositionsEmbauche.Add(proposition);
        });
        var compte = await app.CreerUtilisateurAsync(Roles.Entreprise, s, entreprise.Id, email: contactEntreprise.Email);

        // As the company on its portal: February submitted, then a proof of it.
        using var portee = app.Services.CreateScope();
        var services = portee.ServiceProvider;
        services.GetRequiredService<ClauseDbContext>().Contexte.DefinirUtilisateur(compte.Id, compte.NomComplet, s, entreprise.Id, null);
        var auteur = new Auteur(compte.Id, compte.NomComplet, false);
        var fevrier = new Mois(2026, 2);
        var soumission = await services.GetRequiredService<ServiceSoumissions>()
            .SoumettreAsync(entreprise.Id, fevrier, [new LigneSoumise(contrat.Id, Duree.Heures(10), null)], auteur, compte.Email);
        Assert.True(soumission.Acceptee, string.Join(" ", soumission.Refus.Select(r => r.Message)));
        using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n% relevé\n%%EOF\n"));
        var piece = await services.GetRequiredService<ServicePieces>()
            .DeposerAsync(new DepotPiece(entreprise.Id, contrat.Id, fevrier, NaturePiece.ReleveHeures, "releve.pdf"), pdf, auteur);
        var declaration = await app.LireBaseAsync(db => db.DeclarationsHeures.IgnoreQueryFilters().Where(d => d.ContratId == contrat.Id).Select(d => d.Id).SingleAsync());

        return (new Dictionary<string, Guid>
        {
            [nameof(DonneurOrdreId)] = donneur.Id.Valeur,
            [GenreContactDonneurOrdre] = contactDonneur.Id,
            [nameof(OperationId)] = operation.Id.Valeur,
            [nameof(MarcheId)] = marche.Id.Valeur,
            [nameof(LotId)] = lot.Id.Valeur,
            [nameof(EntrepriseId)] = entreprise.Id.Valeur,
            [GenreContactEntreprise] = contactEntreprise.Id,
            [nameof(ParticipantId)] = participant.Id.Valeur,
            [nameof(ContratId)] = contrat.Id.Valeur,
            [nameof(ParcoursId)] = parcours.Id.Valeur,
            [nameof(SoumissionId)] = soumission.Id!.Value.Valeur,
            [nameof(DeclarationId)] = declaration.Valeur,
            [nameof(PieceJustificativeId)] = piece.Id.Valeur,
            [nameof(PropositionEmbaucheId)] = proposition.Id.Valeur,
            [nameof(PosteId)] = poste.Id.Valeur,
            [nameof(CandidatureId)] = candidature.Id.Valeur,
        }, compte);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Emplacement();
}
