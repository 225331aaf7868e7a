using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Securite;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Heures;

/// <summary>
/// The lines waiting for a facilitateur's decision across the structure (current version « déclarée », contrat not
/// refused), oldest entry first, paged in the database; Valider / Rejeter (with its reason) on each line. Above them,
/// the companies' portal submissions by company and month (issue 9 item 5), each validated at once or opened line by line.
/// </summary>
public sealed class AValiderModel(ClauseDbContext db) : PageListe
{
    public const int SoumissionsMax = 50;

    public PageDe<LigneAValider> Lignes { get; private set; } = null!;

    public IReadOnlyList<SoumissionAValider> Soumissions { get; private set; } = [];

    public bool Gestion { get; private set; }

    protected override string Adresse => "/Heures/AValider";

    /// <summary>The columns of the Excel export (issue 15 item 2): every waiting line, oldest entry first, as the list.</summary>
    public static readonly ColonnesExcel<LigneAValider> ColonnesExport = new ColonnesExcel<LigneAValider>("Heures à valider")
        .Texte("Nom", l => l.Nom, 24)
        .Texte("Prénom", l => l.Prenom, 20)
        .Mois("Mois", l => l.Mois)
        .Heures("Heures", l => l.Minutes)
        .Texte("État", l => l.Converti || l.HorsPeriode ? AccesHeures.Etat(StatutDeclaration.Declaree, l.Converti, l.HorsPeriode) : null, 24)
        .Texte("Lot", l => l.Lot, 40)
        .Texte("Employeur", l => l.Employeur, 36)
        .Texte("Saisie par", l => l.SaisieParNom, 24)
        .Horodatage("Saisie le", l => l.SaisieLe)
        .Entier("Version", l => l.Version);

    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation) =>
        Task.FromResult<ExportListe?>(Exporter(EnAttente(db), ColonnesExport, donneesPersonnelles: true));

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Gestion = Droits.Peut(User, Politiques.GestionClause);
        Lignes = await ListerAsync(EnAttente(db), annulation);
        Soumissions = await SoumissionsEnAttente(db).Take(SoumissionsMax).ToListAsync(annulation);
    }

    /// <summary>
    /// The portal submissions of the structure with lines still waiting (a line belongs to the submission that wrote its
    /// current version; the same filter as <see cref="EnAttente"/>), oldest first, counted and summed in the database.
    /// </summary>
    public static IQueryable<SoumissionAValider> SoumissionsEnAttente(ClauseDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var attente = from d in db.DeclarationsHeures
                      join v in db.VersionsDeclaration on new { Id = d.Id, Numero = d.VersionCourante } equals new { Id = v.DeclarationId, v.Numero }
                      join c in db.Contrats on d.ContratId equals c.Id
                      where d.StructureId == structureId && d.Statut == StatutDeclaration.Declaree && c.Statut != StatutContrat.Refuse && v.SoumissionId != null
                      group d.Minutes by v.SoumissionId into g
                      select new { SoumissionId = g.Key, Lignes = g.Count(), Minutes = g.Sum() };
        return from s in db.SoumissionsHeures
               join a in attente on (SoumissionId?)s.Id equals a.SoumissionId
               join e in db.Entreprises on s.EntrepriseId equals e.Id
               where s.StructureId == structureId && s.Statut == StatutSoumission.Soumise
               orderby s.SoumiseLe, s.Id
               select new SoumissionAValider(s.Id, e.RaisonSociale, s.Mois, s.SoumiseLe!.Value, s.SoumiseParNom ?? string.Empty, a.Lignes, a.Minutes,
                   db.PiecesJustificatives.Count(p => p.StructureId == structureId && p.EntrepriseId == s.EntrepriseId && p.Mois == s.Mois));
    }

    /// <summary>The query of the waiting lines, oldest entry first (also counted and sampled by the home page); those of one portal submission when given.</summary>
    public static IQueryable<LigneAValider> EnAttente(ClauseDbContext db, SoumissionId? soumission = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        return from d in db.DeclarationsHeures
               join v in db.VersionsDeclaration on new { Id = d.Id, Numero = d.VersionCourante } equals new { Id = v.DeclarationId, v.Numero }
               join c in db.Contrats on d.ContratId equals c.Id
               join p in db.Participants on d.ParticipantId equals p.Id
               join l in db.Lots on d.LotId equals l.Id
               join e in db.Entreprises on c.EmployeurId equals e.Id
               where d.StructureId == structureId && d.Statut == StatutDeclaration.Declaree && c.Statut != StatutContrat.Refuse
               // Filtered here, before the projection (EF cannot filter on a constructed record): one submission's lines.
               where soumission == null || v.SoumissionId == soumission
               orderby v.SaisieLe, d.Mois, d.Id
               select new LigneAValider(d.Id, d.ContratId, d.Mois, d.Minutes, d.Converti, d.HorsPeriode, p.Prenom, p.Nom, l.Id, l.Numero, l.Libelle,
                   e.RaisonSociale, v.SaisieParNom, v.SaisieLe, v.Numero, v.SoumissionId);
    }
}

public sealed record LigneAValider(DeclarationId Id, ContratId ContratId, Domain.Commun.Mois Mois, long Minutes, bool Converti, bool HorsPeriode, string Prenom, string Nom, LotId LotId,
    int LotNumero, string LotLibelle, string Employeur, string SaisieParNom, DateTimeOffset SaisieLe, int Version, SoumissionId? SoumissionId = null)
{
    public string Participant => AccesHeures.Nom(Prenom, Nom);

    public string MoisTexte => AccesHeures.Texte(Mois);

    public Duree Heures => new(Minutes);

    /// <summary>« Léa Martin en mars 2026 ».</summary>
    public string Libelle => $"{Participant} en {MoisTexte}";

    public string Lot => $"Lot {LotNumero} — {LotLibelle}";
}

/// <summary>A company's portal submission in the queue: who, which month, when, and what still waits.</summary>
public sealed record SoumissionAValider(SoumissionId Id, string Entreprise, Domain.Commun.Mois Mois, DateTimeOffset SoumiseLe, string SoumiseParNom,
    int LignesEnAttente, long MinutesEnAttente, int Pieces = 0)
{
    public string MoisTexte => AccesHeures.Texte(Mois);

    public Duree Heures => new(MinutesEnAttente);
}
