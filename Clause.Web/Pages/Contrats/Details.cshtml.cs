using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Participants;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Contrats;

/// <summary>
/// A contrat: every field, its eligibility (covering decision, window, override with who and when), its status and the
/// facilitateur's actions (Valider, Refuser, Modifier, Enregistrer la fin — each posts to its own page), the summary of
/// its monthly declarations and its audit history (the declarations' history is kept under the contrat's id).
/// A Referent reads only the contrats of his or her own participants; anything else is a 404.
/// </summary>
public sealed class DetailsModel(ClauseDbContext db, TimeProvider horloge, Clause.Infrastructure.Pieces.RequetesPieces requetesPieces) : PageModel
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public FicheContrat Fiche { get; private set; } = null!;

    public DecisionCouvrante? Decision { get; private set; }

    public int FenetreMois { get; private set; }

    public IReadOnlyList<LigneDeclaration> Declarations { get; private set; } = [];

    public IReadOnlyList<LigneHistorique> Historique { get; private set; } = [];

    public bool Gestion { get; private set; }

    /// <summary>The contrat's proofs, for the structure's staff only (a Referent never sees a company's files).</summary>
    public Web.Pages.Pieces.ListePieces? Pieces { get; private set; }

    public bool Liens { get; private set; }

    public DateOnly Aujourdhui { get; private set; }

    public async Task<IActionResult> OnGetAsync(ContratId id, CancellationToken annulation)
    {
        var fiche = await (from c in AccesContrats.Visibles(db, User)
                           where c.Id == id
                           join p in db.Participants on c.ParticipantId equals p.Id
                           join l in db.Lots on c.LotId equals l.Id
                           join m in db.Marches on l.MarcheId equals m.Id
                           join e in db.Entreprises on c.EmployeurId equals e.Id
                           select new FicheContrat(c.Id, c.StructureId, p.Id, p.Prenom + " " + p.Nom, l.Id,
                               AccesContrats.NomLot(m.Numero, l.Numero, l.Libelle), l.DebutExecution, l.FinExecution, e.Id, e.RaisonSociale,
                               e.TypeEmployeur, c.Modalite, c.TypeContrat, c.DateDebut, c.FinPrevue, c.FinReelle, c.HeuresHebdoMinutes, c.Poste,
                               c.CodeRome, c.Statut, c.Origine, c.ProposeParNom, c.ProposeLe, c.DecideParNom, c.DecideLe, c.MotifRefus, c.Eligibilite,
                               c.DecisionEligibiliteId, c.EligibiliteValide, c.MotifDerogation, c.DerogationParNom, c.DerogationLe, c.SituationApres))
            .FirstOrDefaultAsync(annulation);
        if (fiche is null || fiche.StructureId != db.Contexte.StructureId) return NotFound();
        Fiche = fiche;
        Aujourdhui = Affichage.Aujourdhui(horloge);
        Gestion = AccesContrats.PeutGerer(User);
        Liens = AccesContrats.VoitLotsEtEntreprises(User);
        FenetreMois = (await ReglagesStructure.LireAsync(db, annulation)).FenetreEligibiliteMois;
        if (fiche.DecisionEligibiliteId is { } decisionId)
            Decision = await Web.Pages.Participants.AccesParticipants.DecisionsConnaissables(db, User)
                .Where(d => d.Id == decisionId)
                .Select(d => new DecisionCouvrante(d.DateValidation, d.ValideParNom))
                .FirstOrDefaultAsync(annulation);
        Declarations = await db.DeclarationsHeures.AsNoTracking()
            .Where(d => d.ContratId == id && d.StructureId == fiche.StructureId)
            .OrderBy(d => d.Mois)
            .Select(d => new LigneDeclaration(d.Mois, d.Minutes, d.Statut, d.HorsPeriode, d.Converti, d.VersionCourante))
            .ToListAsync(annulation);
        Historique = await Web.Infrastructure.Historique.LireAsync(db, id, annulation);
        if (Droits.Peut(User, Politiques.LectureClause))
            Pieces = new Web.Pages.Pieces.ListePieces(await requetesPieces.DuContratAsync(id, annulation), Portail: false,
                await Web.Pages.Pieces.AccesPieces.SupprimablesAsync(db, User, db.PiecesJustificatives.Where(p => p.ContratId == id), annulation),
                $"/Contrats/Details/{id}");
        return Page();
    }

    public string Fenetre(DecisionCouvrante decision) =>
        $"du {Affichage.Date(decision.DateValidation)} au {Affichage.Date(DecisionEligibilite.FinFenetre(decision.DateValidation, FenetreMois))}";

    public static string Horodatage(DateTimeOffset? quand) =>
        quand is { } q ? TimeZoneInfo.ConvertTime(q, Paris).ToString("dd/MM/yyyy à HH:mm", Affichage.Fr) : "—";

    /// <summary>« mars 2026 ».</summary>
    public static string Mois(Domain.Commun.Mois mois) => mois.Premier.ToString("MMMM yyyy", Affichage.Fr);
}

public sealed record FicheContrat(ContratId Id, StructureId StructureId, ParticipantId ParticipantId, string Participant, LotId LotId, string Lot, DateOnly DebutLot,
    DateOnly FinLot, EntrepriseId EmployeurId, string Employeur, TypeEmployeur TypeEmployeur, ModaliteContrat Modalite, TypeContrat TypeContrat,
    DateOnly DateDebut, DateOnly? FinPrevue, DateOnly? FinReelle, long? HeuresHebdoMinutes, string? Poste, string? CodeRome, StatutContrat Statut,
    OrigineProposition Origine, string ProposeParNom, DateTimeOffset ProposeLe, string? DecideParNom, DateTimeOffset? DecideLe, string? MotifRefus,
    StatutEligibilite Eligibilite, Guid? DecisionEligibiliteId, bool EligibiliteValide, string? MotifDerogation, string? DerogationParNom,
    DateTimeOffset? DerogationLe, SituationApresClause? SituationApres = null)
{
    public string EligibiliteAffichee => AccesContrats.LibelleEligibilite(Statut, Eligibilite, EligibiliteValide, MotifDerogation is not null);
}

public sealed record DecisionCouvrante(DateOnly DateValidation, string ValideParNom);

public sealed record LigneDeclaration(Domain.Commun.Mois Mois, long Minutes, StatutDeclaration Statut, bool HorsPeriode, bool Converti, int Version)
{
    public Duree Heures => new(Minutes);
}
