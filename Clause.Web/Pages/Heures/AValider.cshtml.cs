using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Securite;
using Clause.Infrastructure.Excel;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
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

    // The filters of the list and of the bulk decision (issue 15 item 3): lot, employer, month, participant.
    [BindProperty(SupportsGet = true, Name = "lot")]
    public LotId? LotId { get; set; }

    [BindProperty(SupportsGet = true, Name = "entreprise")]
    public EntrepriseId? EntrepriseId { get; set; }

    [BindProperty(SupportsGet = true, Name = "mois")]
    public string? MoisFiltre { get; set; }

    [BindProperty(SupportsGet = true, Name = "participant")]
    public ParticipantId? ParticipantId { get; set; }

    /// <summary>« cocher=page »: the page's lines come checked (« Tout sélectionner » without JavaScript).</summary>
    [BindProperty(SupportsGet = true, Name = "cocher")]
    public string? Cocher { get; set; }

    public bool ToutCocher => string.Equals(Cocher, "page", StringComparison.Ordinal);

    /// <summary>The page shown, its boxes checked.</summary>
    public string LienToutCocher => Lien(numero: Lignes.Numero) is var lien && lien.Contains('?', StringComparison.Ordinal) ? lien + "&cocher=page" : lien + "?cocher=page";

    /// <summary>The month filter's error (not « aaaa-mm »), shown beside it.</summary>
    public string? ErreurMois => ModelState.TryGetValue("mois", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    /// <summary>The lines and minutes of the whole filter (every page), shown beside « toutes les lignes du filtre ».</summary>
    public ResumeDecision TotalFiltre { get; private set; } = new(0, 0);

    public FiltreAValider Filtre { get; private set; } = FiltreAValider.Aucun;

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

    /// <summary>The waiting lines of the filters in the address (a month that is not « aaaa-mm » filters nothing, as on the list).</summary>
    protected override Task<ExportListe?> ExportAsync(CancellationToken annulation)
    {
        Filtre = FiltreAValider.Lire(LotId, EntrepriseId, MoisFiltre, ParticipantId, ModelState);
        return Task.FromResult<ExportListe?>(Exporter(EnAttente(db, filtre: Filtre), ColonnesExport, donneesPersonnelles: true));
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() => Filtre.Parametres();

    public async Task OnGetAsync(CancellationToken annulation)
    {
        Gestion = Droits.Peut(User, Politiques.GestionClause);
        Filtre = FiltreAValider.Lire(LotId, EntrepriseId, MoisFiltre, ParticipantId, ModelState);
        var enAttente = EnAttente(db, filtre: Filtre);
        Lignes = await ListerAsync(enAttente, annulation);
        if (Lignes.Total > 0)
            TotalFiltre = new(Lignes.Total, await DeclarationsEnAttente(db, filtre: Filtre).SumAsync(d => d.Minutes, annulation));
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

    /// <summary>
    /// The waiting lines themselves (current version « déclarée », contrat not refused), of one portal submission and of a
    /// filter when given: the one rule of « en attente », read by the list below, its total and the bulk decision.
    /// </summary>
    public static IQueryable<DeclarationHeures> DeclarationsEnAttente(ClauseDbContext db, SoumissionId? soumission = null, FiltreAValider? filtre = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var structureId = db.Contexte.StructureId;
        var (lot, entreprise, mois, participant) = filtre ?? FiltreAValider.Aucun;
        return from d in db.DeclarationsHeures
               where d.StructureId == structureId && d.Statut == StatutDeclaration.Declaree
               where db.Contrats.Any(c => c.Id == d.ContratId && c.Statut != StatutContrat.Refuse && (entreprise == null || c.EmployeurId == entreprise))
               where soumission == null
                     || db.VersionsDeclaration.Any(v => v.DeclarationId == d.Id && v.Numero == d.VersionCourante && v.SoumissionId == soumission)
               where lot == null || d.LotId == lot
               where mois == null || d.Mois == mois
               where participant == null || d.ParticipantId == participant
               select d;
    }

    /// <summary>The query of the waiting lines, oldest entry first (also counted and sampled by the home page); those of one portal submission when given.</summary>
    public static IQueryable<LigneAValider> EnAttente(ClauseDbContext db, SoumissionId? soumission = null, FiltreAValider? filtre = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from d in DeclarationsEnAttente(db, soumission, filtre)
               join v in db.VersionsDeclaration on new { Id = d.Id, Numero = d.VersionCourante } equals new { Id = v.DeclarationId, v.Numero }
               join c in db.Contrats on d.ContratId equals c.Id
               join p in db.Participants on d.ParticipantId equals p.Id
               join l in db.Lots on d.LotId equals l.Id
               join e in db.Entreprises on c.EmployeurId equals e.Id
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

/// <summary>
/// The filters of « Heures à valider » (lot, employer, month « aaaa-mm », participant), read from the address by the list
/// and from the bulk form by /Heures/DecisionMasse, so that « toutes les lignes du filtre » means the same lines in both.
/// </summary>
public sealed record FiltreAValider(LotId? Lot, EntrepriseId? Entreprise, Domain.Commun.Mois? Mois, ParticipantId? Participant)
{
    public static readonly FiltreAValider Aucun = new(null, null, null, null);

    public bool EstVide => this == Aucun;

    /// <summary>The filter typed; a month that is not « aaaa-mm » is an error beside the field « mois » (and no month filter).</summary>
    public static FiltreAValider Lire(LotId? lot, EntrepriseId? entreprise, string? mois, ParticipantId? participant,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary etat, string cleMois = "mois")
    {
        ArgumentNullException.ThrowIfNull(etat);
        Domain.Commun.Mois? lu = null;
        if (!string.IsNullOrWhiteSpace(mois))
        {
            if (AccesHeures.TryLireMois(mois, out var m)) lu = m;
            else etat.AddModelError(cleMois, "Le champ « Mois » doit être un mois écrit sous la forme aaaa-mm (exemple : 2026-03).");
        }
        return new FiltreAValider(lot, entreprise, lu, participant);
    }

    /// <summary>The filter as address parameters (the list's links, the bulk form's hidden fields).</summary>
    public IEnumerable<KeyValuePair<string, string?>> Parametres() =>
    [
        new("lot", Lot?.ToString()), new("entreprise", Entreprise?.ToString()),
        new("mois", Mois is { } m ? AccesHeures.Code(m) : null), new("participant", Participant?.ToString()),
    ];
}
