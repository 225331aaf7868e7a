using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Embauches;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Contrats;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Embauches;

/// <summary>What the facilitateur's pages show of a proposal: the person, the company, the lot, the employer and the contrat's data.</summary>
public sealed record ResumeProposition(
    PropositionEmbaucheId Id,
    string Nom,
    string Prenom,
    DateOnly DateNaissance,
    string? Email,
    string? Telephone,
    string Entreprise,
    string Lot,
    string Employeur,
    ModaliteContrat Modalite,
    TypeContrat TypeContrat,
    DateOnly DateDebut,
    DateOnly? FinPrevue,
    long? HeuresHebdoMinutes,
    string? Poste,
    StatutProposition Statut,
    string? MotifRefus,
    ParticipantId? ParticipantId,
    ContratId? ContratId,
    string ProposeeParNom,
    DateTimeOffset ProposeeLe)
{
    public string Personne => $"{Prenom} {Nom}";

    public string Periode => Affichage.Du(new Clause.Domain.Commun.Periode(DateDebut, FinPrevue ?? DateOnly.MaxValue));
}

/// <summary>
/// Base of the facilitateur's pages on one proposal (Details, Lier, Inscrire, Valider, Refuser): the loading half of the
/// convention for the /Embauches folder. Another structure's proposal is a 404, GET and POST (the structure is compared
/// explicitly, not only through the tenant filter).
/// </summary>
public abstract class PageActionProposition(ClauseDbContext db) : PageAction(db)
{
    public ResumeProposition Resume { get; private set; } = null!;

    /// <summary>The proposal of the route, tracked for a change, with its <see cref="Resume"/>; null (→ 404) when not the structure's.</summary>
    protected async Task<PropositionEmbauche?> ChargerAsync(PropositionEmbaucheId id, CancellationToken annulation)
    {
        if (await LireResumeAsync(Db, id, annulation) is not { } resume) return null;
        Resume = resume;
        var structureId = Db.Contexte.StructureId;
        return await Db.PropositionsEmbauche.FirstOrDefaultAsync(p => p.Id == id && p.StructureId == structureId, annulation);
    }

    public static Task<ResumeProposition?> LireResumeAsync(ClauseDbContext db, PropositionEmbaucheId id, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return (from p in db.PropositionsEmbauche.AsNoTracking()
                where p.Id == id && p.StructureId == structureId
                join e in db.Entreprises on p.EntrepriseId equals e.Id
                join emp in db.Entreprises on p.EmployeurId equals emp.Id
                join l in db.Lots on p.LotId equals l.Id
                join m in db.Marches on l.MarcheId equals m.Id
                select new ResumeProposition(p.Id, p.Nom, p.Prenom, p.DateNaissance, p.Email, p.Telephone, e.RaisonSociale,
                    AccesContrats.NomLot(m.Numero, l.Numero, l.Libelle), emp.RaisonSociale, p.Modalite, p.TypeContrat, p.DateDebut, p.FinPrevue,
                    p.HeuresHebdoMinutes, p.Poste, p.Statut, p.MotifRefus, p.ParticipantId, p.ContratId, p.ProposeeParNom, p.ProposeeLe))
            .FirstOrDefaultAsync(annulation);
    }

    /// <summary>The contrat the link created, tracked (null before the link).</summary>
    protected async Task<Contrat?> ContratAsync(PropositionEmbauche proposition, CancellationToken annulation) =>
        proposition.ContratId is { } contratId ? await AccesContrats.ChargerAsync(Db, contratId, annulation) : null;
}
