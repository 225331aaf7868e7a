using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>
/// Search of participants (name, commune, category, QPV), server-side paged. The list never shows any
/// category; the category filter offers sensitive categories only to Direction and Facilitateur.
/// </summary>
public sealed class IndexModel(ClauseDbContext db, TimeProvider horloge) : PageListe
{
    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true)]
    public CategorieEligibilite? Categorie { get; set; }

    /// <summary>"oui", "non" or empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Qpv { get; set; }

    public PageDe<LigneParticipant> Resultats { get; private set; } = new([], 0, 1, Pagination.TailleParDefaut);

    public IReadOnlyList<SelectListItem> OptionsCategorie { get; private set; } = [];

    public bool PeutCreer { get; private set; }

    public DateOnly Aujourdhui { get; private set; }

    public int FenetreMois { get; private set; }

    protected override string Adresse => "/Participants";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("Recherche", Recherche), new("Commune", Commune), new("Categorie", Categorie?.ToString()), new("Qpv", Qpv)];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Aujourdhui = Affichage.Aujourdhui(horloge);
        PeutCreer = Droits.Peut(User, Politiques.GestionClause);
        FenetreMois = (await Web.Infrastructure.ReglagesStructure.LireAsync(db, annulation)).FenetreEligibiliteMois;
        var lignes = Lignes();
        var voitSensibles = AccesParticipants.VoitSensibles(User);
        OptionsCategorie = Libelles.Tous<CategorieEligibilite>()
            .Where(c => voitSensibles || !c.Valeur.EstSensible())
            .Select(c => new SelectListItem(c.Libelle, c.Valeur.ToString(), c.Valeur == Categorie))
            .ToList();
        Resultats = await ListerAsync(lignes, annulation);
    }

    /// <summary>
    /// The Excel export (issue 15 item 2): the list's columns — never a category, as the list. Filtered on a sensitive
    /// category, the file would be a list of the people holding it: that export does not exist (404), and the page does
    /// not offer it.
    /// </summary>
    protected override async Task<ExportListe?> ExportAsync(CancellationToken annulation)
    {
        var lignes = Lignes();
        if (!ExportPermis) return null;
        Aujourdhui = Affichage.Aujourdhui(horloge);
        FenetreMois = (await Web.Infrastructure.ReglagesStructure.LireAsync(db, annulation)).FenetreEligibiliteMois;
        var colonnes = new ColonnesExcel<LigneParticipant>("Participants")
            .Texte("Nom", l => l.Nom, 24)
            .Texte("Prénom", l => l.Prenom, 20)
            .Entier("Âge", l => Age(l))
            .Texte("Commune", l => l.Commune, 24)
            .OuiNon("Résident QPV", l => l.ResidentQpv)
            .Texte("Référent", l => l.Referent, 24)
            .Texte("Éligibilité", Eligibilite, 40);
        return Exporter(lignes, colonnes, donneesPersonnelles: true);
    }

    /// <summary>False when the list is filtered on a sensitive category: its export would reveal that category.</summary>
    public bool ExportPermis => Categorie is not { } categorie || !categorie.EstSensible();

    /// <summary>The filtered rows, by name, not paged: the list pages them, the export reads them all.</summary>
    private IQueryable<LigneParticipant> Lignes()
    {
        var voitSensibles = AccesParticipants.VoitSensibles(User);
        // A sensitive category typed in the address by someone who may not see it is ignored.
        if (Categorie is { } demandee && (!Enum.IsDefined(demandee) || (demandee.EstSensible() && !voitSensibles))) Categorie = null;

        var requete = AccesParticipants.Visibles(db, User);
        foreach (var mot in SourceRecherche.Mots(Recherche))
        {
            var motif = RechercheTexte.Contient(mot);
            requete = requete.Where(p => EF.Functions.Like(p.Recherche, motif, RechercheTexte.Echappement));
        }
        if (!string.IsNullOrWhiteSpace(Commune))
        {
            var motif = RechercheTexte.Contient(Commune);
            requete = requete.Where(p => EF.Functions.Like(p.RechercheCommune, motif, RechercheTexte.Echappement));
        }
        if (Categorie is { } categorie)
            requete = requete.Where(p => db.CategoriesDecision.Any(c => c.ParticipantId == p.Id && c.Categorie == categorie));
        if (Qpv == "oui") requete = requete.Where(p => p.ResidentQpv);
        else if (Qpv == "non") requete = requete.Where(p => !p.ResidentQpv);

        var decisions = AccesParticipants.DecisionsConnaissables(db, User);
        return requete
            .OrderBy(p => p.Nom).ThenBy(p => p.Prenom).ThenBy(p => p.Id)
            .Select(p => new LigneParticipant(
                p.Id, p.Nom, p.Prenom, p.DateNaissance, p.Commune, p.ResidentQpv,
                db.Users.Where(u => u.Id == p.ReferentId).Select(u => u.NomComplet).FirstOrDefault(),
                decisions.Where(d => d.ParticipantId == p.Id).OrderByDescending(d => d.DateValidation).Select(d => (DateOnly?)d.DateValidation).FirstOrDefault()));
    }

    public int Age(LigneParticipant ligne) => CategoriesEligibilite.Age(ligne.DateNaissance, Aujourdhui);

    /// <summary>Eligibility as shown in the list: the window end only, never a category.</summary>
    public string Eligibilite(LigneParticipant ligne)
    {
        if (ligne.DerniereValidation is not { } validation) return "À valider";
        var fin = DecisionEligibilite.FinFenetre(validation, FenetreMois);
        return fin >= Aujourdhui ? $"Fenêtre ouverte jusqu'au {Affichage.Date(fin)}" : $"Fenêtre close le {Affichage.Date(fin)}";
    }
}

public sealed record LigneParticipant(ParticipantId Id, string Nom, string Prenom, DateOnly DateNaissance, string Commune, bool ResidentQpv,
    string? Referent, DateOnly? DerniereValidation);
