using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Infrastructure.Persistence;
using Clause.Web.Pages.Contrats;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Pieces;

/// <summary>
/// A contrat a company may attach a proof to, named as the company knows it (participant, lot) — never a category. Built by
/// member initialisation so that EF can still filter on its members after the projection.
/// </summary>
public sealed record ContratPortail
{
    public ContratId Id { get; init; }

    public string Prenom { get; init; } = string.Empty;

    public string Nom { get; init; } = string.Empty;

    public string NumeroMarche { get; init; } = string.Empty;

    public int NumeroLot { get; init; }

    public string LibelleLot { get; init; } = string.Empty;

    public string Libelle => $"{Prenom} {Nom} — {AccesContrats.NomLot(NumeroMarche, NumeroLot, LibelleLot)}";
}

/// <summary>The contrats of the signed-in contact's company as employer (the people whose hours it declares), not refused.</summary>
public static class ContratsPortail
{
    public static IQueryable<ContratPortail> DeLEntreprise(ClauseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var entrepriseId = db.Contexte.EntrepriseId;
        return from c in db.Contrats.AsNoTracking()
               where c.StructureId == structureId && c.EmployeurId == entrepriseId && c.Statut != StatutContrat.Refuse
               join p in db.Participants on c.ParticipantId equals p.Id
               join l in db.Lots on c.LotId equals l.Id
               join m in db.Marches on l.MarcheId equals m.Id
               orderby p.Nom, p.Prenom, m.Numero, l.Numero, c.Id
               select new ContratPortail { Id = c.Id, Prenom = p.Prenom, Nom = p.Nom, NumeroMarche = m.Numero, NumeroLot = l.Numero, LibelleLot = l.Libelle };
    }
}
