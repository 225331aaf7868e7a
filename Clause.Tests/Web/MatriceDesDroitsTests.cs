using Clause.Domain.Securite;
using Clause.Tests.Support;
using Clause.Web.Infrastructure;

namespace Clause.Tests.Web;

/// <summary>
/// Walks every page and every handler of the running app (its endpoints, loaded as the router loads them) and checks
/// the role matrix of DOMAIN.md §11, written once below per folder. A new page is covered without editing this test; a
/// page in a folder the matrix does not know, or a POST handler a read-only role could reach, fails.
/// </summary>
public class MatriceDesDroitsTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private const string Anonyme = PointsApplication.Anonyme;

    private static readonly string[] TousLesRoles = [.. Roles.Tous];

    private static readonly string[] TousEtAnonyme = [.. Roles.Tous, Anonyme];

    private static readonly string[] DirectionFacilitateur = [Roles.Direction, Roles.Facilitateur];

    private static readonly string[] Facilitateur = [Roles.Facilitateur];

    /// <summary>DOMAIN.md §11 per folder: who may read its pages, who may post to them.</summary>
    private static readonly Dictionary<string, (string[] Lecture, string[] Ecriture)> Matrice = new(StringComparer.Ordinal)
    {
        ["/"] = (TousLesRoles, TousLesRoles),
        ["/Compte"] = (TousEtAnonyme, TousEtAnonyme),
        ["/Admin"] = ([Roles.Administrateur], [Roles.Administrateur]),
        ["/DonneursOrdre"] = (DirectionFacilitateur, Facilitateur),
        ["/Operations"] = (DirectionFacilitateur, Facilitateur),
        ["/Marches"] = (DirectionFacilitateur, Facilitateur),
        ["/Lots"] = (DirectionFacilitateur, Facilitateur),
        ["/Entreprises"] = (DirectionFacilitateur, Facilitateur),
        ["/Heures"] = (DirectionFacilitateur, Facilitateur),
        ["/Participants"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], Facilitateur),
        ["/Contrats"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], Facilitateur),
        // PLIE parcours (issue 13): read by the three staff roles (a Referent his or her participants' only), written by the Referent.
        ["/Parcours"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], [Roles.Referent]),
        ["/Reglages"] = (DirectionFacilitateur, DirectionFacilitateur),
        ["/Structure"] = ([Roles.Direction], [Roles.Direction]),
        ["/Portail"] = ([Roles.Entreprise], [Roles.Entreprise]),
        ["/Acheteur"] = ([Roles.DonneurOrdre], [Roles.DonneurOrdre]),
        ["/Bilans"] = (DirectionFacilitateur, Facilitateur),
        ["/Embauches"] = (DirectionFacilitateur, Facilitateur),
        // Placement (issue 14): the référent reads the postes and his or her participants' candidatures (a data filter).
        ["/Placement"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], Facilitateur),
        // Reprise de données (IMPORT.md « Behaviour »): the template and the import, for the Direction and the Facilitateur alike.
        ["/Import"] = (DirectionFacilitateur, DirectionFacilitateur),
        // The comboboxes' search pages (lots, companies, participants): whoever fills a form or a filter that uses them.
        ["/Recherche"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], Facilitateur),
        // Proofs, staff side: the download is open to any signed-in user and answers 404 to all but the structure's staff
        // and the company's contacts (AccesPieces.Visibles), so that no role learns a proof exists; deleting is the Facilitateur's.
        ["/Pieces"] = (TousLesRoles, Facilitateur),
    };

    /// <summary>
    /// Pages whose rights differ from their folder's: the error page answers every failed request; one's own account
    /// (in the open /Compte folder) is for every signed-in user, never for an anonymous visitor.
    /// </summary>
    private static readonly Dictionary<string, (string[] Lecture, string[] Ecriture)> PagesOuvertes = new(StringComparer.Ordinal)
    {
        ["/Erreur"] = (TousEtAnonyme, TousEtAnonyme),
        ["/Compte/MonCompte"] = (TousLesRoles, TousLesRoles),
        ["/Compte/MotDePasse"] = (TousLesRoles, TousLesRoles),
        ["/Compte/RevoquerJeton"] = (TousLesRoles, TousLesRoles),
        ["/Compte/DoubleFacteurInscription"] = (TousLesRoles, TousLesRoles),
        ["/Compte/DoubleFacteurCodes"] = (TousLesRoles, TousLesRoles),
        // Opérations and donneurs d'ordre are searched only by Direction and Facilitateur pages (no Referent page shows them).
        ["/Recherche/Operations"] = (DirectionFacilitateur, Facilitateur),
        ["/Recherche/DonneursOrdre"] = (DirectionFacilitateur, Facilitateur),
        // The right of access holds every category, sensitive ones included: never the Référent who reads the folder (issue 16 item 11).
        ["/Participants/DroitsPersonne/Acces"] = (DirectionFacilitateur, Facilitateur),
        // A référent proposes his or her participants to a poste and writes the next step after a « non retenu » (issue 14).
        ["/Placement/Candidater/Proposer"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], [Roles.Facilitateur, Roles.Referent]),
        ["/Placement/Candidater/Suite"] = ([Roles.Direction, Roles.Facilitateur, Roles.Referent], [Roles.Facilitateur, Roles.Referent]),
    };

    [Fact]
    public async Task Chaque_page_et_chaque_handler_respectent_la_matrice_des_roles()
    {
        var handlers = await HandlersAsync();
        Assert.True(handlers.Select(h => h.Page).Distinct().Count() > 50, "Les pages de l'application n'ont pas été trouvées.");

        var erreurs = new List<string>();
        foreach (var parPage in handlers.GroupBy(h => h.Page))
        {
            var page = parPage.Key;
            if (!PagesOuvertes.TryGetValue(page, out var attendu) && !Matrice.TryGetValue(DossierDe(page), out attendu))
            {
                erreurs.Add($"{page} : dossier « {DossierDe(page)} » absent de la matrice de DOMAIN.md §11.");
                continue;
            }
            var formulaire = parPage.Any(h => !ConventionAcces.EstSure(h.Methode));
            foreach (var h in parPage)
            {
                var autorises = h.Autorises.Order().ToList();
                var libelle = $"{h.Methode} {page}{(h.Nom.Length > 0 ? "?handler=" + h.Nom : "")}";
                if (!ConventionAcces.EstSure(h.Methode))
                {
                    if (!autorises.SequenceEqual(attendu.Ecriture.Order()))
                        erreurs.Add($"{libelle} : permis à [{string.Join(", ", autorises)}], attendu [{string.Join(", ", attendu.Ecriture.Order())}].");
                }
                else if (!formulaire)
                {
                    if (!autorises.SequenceEqual(attendu.Lecture.Order()))
                        erreurs.Add($"{libelle} : permis à [{string.Join(", ", autorises)}], attendu [{string.Join(", ", attendu.Lecture.Order())}].");
                }
                // The GET of a form page: at least its writers, at most its readers.
                else if (autorises.Except(attendu.Lecture).Any() || attendu.Ecriture.Except(autorises).Any())
                {
                    erreurs.Add($"{libelle} : permis à [{string.Join(", ", autorises)}], attendu entre [{string.Join(", ", attendu.Ecriture)}] et [{string.Join(", ", attendu.Lecture)}].");
                }
            }
        }
        Assert.True(erreurs.Count == 0, string.Join(Environment.NewLine, erreurs));
    }

    [Fact]
    public async Task La_grille_d_heures_se_lit_en_direction_mais_ne_s_enregistre_qu_en_facilitateur()
    {
        var grille = (await HandlersAsync()).Where(h => h.Page == "/Heures/Lot").ToList();
        Assert.Equal(DirectionFacilitateur, grille.Single(h => h.Methode == "GET").Autorises.Order());
        Assert.Equal(Facilitateur, grille.Single(h => h.Methode == "POST").Autorises);
    }

    [Fact]
    public void Aucune_vue_ni_page_ne_lit_les_roles_elle_meme()
    {
        var web = Path.Combine(Racine.Depot(), "Clause.Web");
        var fautifs = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "Droits.cs" && File.ReadAllText(f).Contains("IsInRole", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();
        Assert.True(fautifs.Count == 0, "IsInRole hors de Droits : " + string.Join(", ", fautifs));
    }

    /// <summary>Every handler of every page endpoint, with the roles (and anonymous) the app lets through (<see cref="PointsApplication"/>).</summary>
    private Task<List<HandlerPage>> HandlersAsync() => PointsApplication.HandlersAsync(app.Services);

    /// <summary>"/Lots/Modifier" → "/Lots"; "/Admin/Structures/Creer" → "/Admin"; "/Index" → "/".</summary>
    private static string DossierDe(string page)
    {
        var second = page.IndexOf('/', 1);
        return second < 0 ? "/" : page[..second];
    }
}
