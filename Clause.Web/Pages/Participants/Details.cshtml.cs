using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Participants;

/// <summary>
/// A participant's page: identity, eligibility history, contrats and hours (filled by their features).
/// Sensitive categories and avis motivé texts are read from the database only for Direction and
/// Facilitateur, and each display of them is written to the sensitive-data access journal (§12).
/// </summary>
public sealed class DetailsModel(ClauseDbContext db, TimeProvider horloge) : PageModel
{
    public FicheParticipant Fiche { get; private set; } = null!;

    public IReadOnlyList<LigneDecision> Decisions { get; private set; } = [];

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public bool VoitSensibles { get; private set; }

    public bool PeutModifier { get; private set; }

    /// <summary>Direction and Facilitateur: the access export holds every category (Pages/Participants/Droits).</summary>
    public bool PeutExporter { get; private set; }

    public IReadOnlyList<DroitsPersonne.DemandeAcces> Demandes { get; private set; } = [];

    public DateOnly Aujourdhui { get; private set; }

    public int FenetreMois { get; private set; }

    /// <summary>The participant's PLIE parcours (issue 13), most recent first.</summary>
    public IReadOnlyList<Clause.Web.Pages.Parcours.LigneParcours> ParcoursDuParticipant { get; private set; } = [];

    /// <summary>True when the user is a référent and the participant has no open parcours.</summary>
    public bool PeutOuvrirParcours { get; private set; }

    public async Task<IActionResult> OnGetAsync(ParticipantId id, CancellationToken annulation)
    {
        var structureId = db.Contexte.StructureId;
        var fiche = await AccesParticipants.Visibles(db, User)
            .Where(p => p.Id == id)
            .Select(p => new FicheParticipant(p.Id, p.StructureId, p.Nom, p.Prenom, p.Sexe, p.DateNaissance, p.Adresse, p.CodePostal, p.Commune,
                p.ResidentQpv, p.CodeQpv, p.NiveauQualification, p.Prescripteur,
                db.Users.Where(u => u.Id == p.ReferentId).Select(u => u.NomComplet).FirstOrDefault(),
                p.IdentifiantFranceTravail, p.DateInformation, p.InscritLe))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null || fiche.StructureId != structureId) return NotFound();
        Fiche = fiche;
        Aujourdhui = Affichage.Aujourdhui(horloge);
        FenetreMois = (await Web.Infrastructure.ReglagesStructure.LireAsync(db, annulation)).FenetreEligibiliteMois;
        VoitSensibles = AccesParticipants.VoitSensibles(User);
        PeutModifier = Droits.Peut(User, Politiques.GestionClause);
        PeutExporter = Droits.Peut(User, Politiques.LectureClause);
        Demandes = await DroitsPersonne.ExportAcces.DemandesAsync(db, id, annulation);

        // Filtered in the query: a sensitive value never reaches the page for someone who may not see it.
        var voit = VoitSensibles;
        var sensibles = CategoriesEligibilite.Sensibles.ToArray();
        Decisions = await AccesParticipants.DecisionsConnaissables(db, User)
            .Where(d => d.ParticipantId == id)
            .OrderByDescending(d => d.DateValidation)
            .Select(d => new LigneDecision(d.DateValidation, d.ValideParNom, d.PrescripteurAvis, voit ? d.MotifAvis : null,
                d.Categories.Where(c => voit || !sensibles.Contains(c.Categorie))
                    .OrderBy(c => c.Id)
                    .Select(c => new LigneCategorie(c.Categorie, c.Justificatif, c.FinDroits)).ToList()))
            .ToListAsync(annulation);

        var montres = new List<string>();
        if (Decisions.Any(d => d.Categories.Any(c => c.Categorie.EstSensible()))) montres.Add(JournalisationAccesSensibles.CategoriesSensibles);
        if (Decisions.Any(d => d.MotifAvis is not null)) montres.Add(JournalisationAccesSensibles.MotifAvisMotive);
        if (montres.Count > 0)
            await db.ConsignerAsync(fiche.StructureId, id, string.Join(" et ", montres) + " — fiche participant", horloge.GetUtcNow(), annulation);

        if (VoitSensibles) Historique = await Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        ParcoursDuParticipant = await Clause.Web.Pages.Parcours.AccesParcours.Visibles(db, User).Where(p => p.ParticipantId == id).OrderByDescending(p => p.DateEntree)
            .Select(p => new Clause.Web.Pages.Parcours.LigneParcours(p.Id, p.DateEntree, p.DateSortie, p.TypeSortie)).ToListAsync(annulation);
        PeutOuvrirParcours = Droits.Peut(User, Politiques.GestionParcours) && ParcoursDuParticipant.All(p => p.Type is not null);
        return Page();
    }

    public int Age => CategoriesEligibilite.Age(Fiche.DateNaissance, Aujourdhui);

    public string Fenetre(LigneDecision decision)
    {
        var fin = DecisionEligibilite.FinFenetre(decision.DateValidation, FenetreMois);
        return $"du {Affichage.Date(decision.DateValidation)} au {Affichage.Date(fin)}" + (fin < Aujourdhui ? " (close)" : " (ouverte)");
    }
}

public sealed record FicheParticipant(ParticipantId Id, StructureId StructureId, string Nom, string Prenom, Sexe Sexe, DateOnly DateNaissance, string? Adresse,
    string CodePostal, string Commune, bool ResidentQpv, string? CodeQpv, NiveauQualification Niveau, Prescripteur? Prescripteur,
    string? Referent, string? IdentifiantFranceTravail, DateOnly? DateInformation, DateOnly InscritLe);

public sealed record LigneDecision(DateOnly DateValidation, string ValideParNom, Prescripteur? PrescripteurAvis, string? MotifAvis,
    IReadOnlyList<LigneCategorie> Categories);

public sealed record LigneCategorie(CategorieEligibilite Categorie, string Justificatif, DateOnly? FinDroits)
{
    public string Libelle => Categorie.Libelle();
}
