using System.Linq.Expressions;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Clause.Infrastructure.Bilans;

/// <summary>
/// THE query of a bilan (DOMAIN.md §9, docs/domain.md « Bilans »): every output — staff pages, printable page, Excel, mail,
/// API, buyer portal — asks it for a <see cref="Bilan"/>. A fixed number of set-based commands, whatever the scope's size:
/// the scope's header, its lots (with the §8 « active » flag of <see cref="Activite.LotActif"/>), the scope's lines up to
/// « au » read ONCE (<see cref="RequetesHeures.LignesDesLotsAsync"/>: joined once to their contrats, the rules
/// <see cref="Comptage.Comptee"/>, <see cref="Comptage.EnAttente"/> and <see cref="Comptage.HorsPeriodeListee"/> evaluated by
/// the database as columns; compiled months from the compiled totals), the contrats of the scope's lots with their
/// participant's profile and employer's type, the categories of their decisions, the roles on the active lots; then every
/// aggregate (minutes per lot, month, modality and type, participants, categories, contrats, employers, out-of-period
/// lines) in one pass in memory (docs/performance.md « Bilan de la structure »). The arithmetic is the domain's
/// (<see cref="CalculBilan"/>, <see cref="Comptage"/>). Scoped to the current structure by the tenant filter.
/// </summary>
public sealed class RequetesBilans(ClauseDbContext db, RequetesHeures requetes)
{
    /// <summary>
    /// The bilan of <paramref name="perimetre"/> over <paramref name="periode"/>; null when the scope does not exist in the
    /// current structure or, with <paramref name="pourDonneurOrdre"/>, does not lie within that buyer (the whole structure
    /// is then refused too): callers answer 404.
    /// </summary>
    public async Task<Bilan?> BilanAsync(PerimetreBilan perimetre, PeriodeBilan periode, DonneurOrdreId? pourDonneurOrdre = null, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(perimetre);
        ArgumentNullException.ThrowIfNull(periode);
        var entete = await EnteteAsync(perimetre, pourDonneurOrdre, annulation).ConfigureAwait(false);
        if (entete is null) return null;

        var lots = LotsDuPerimetre(perimetre, pourDonneurOrdre);
        var actifs = lots.Where(Activite.LotActif(periode.Dates)).Select(l => l.Id);
        var lignesLots = await lots.AsNoTracking()
            .OrderBy(l => l.Marche.Numero).ThenBy(l => l.Numero)
            .Select(AvecActif(Activite.LotActif(periode.Dates)))
            .ToListAsync(annulation).ConfigureAwait(false);
        var lotsDuPerimetre = lignesLots.Select(l => new LotDuPerimetre(l.Id, $"{l.Marche} — lot {l.Numero} : {l.Libelle}",
            new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb),
            l.Fondements != Fondement.Aucun, l.Actif)).ToList();

        // The scope's lines up to « au », read ONCE (joined once to their contrats, the domain's rules evaluated by the
        // database as columns), with the compiled rows of the months served by the compiled totals.
        // The whole structure: its lines and contrats are those of its lots (the tenant filter), no list of lots to test.
        var structureEntiere = perimetre.Perimetre == Perimetre.Structure && pourDonneurOrdre is null;
        var lues = await requetes.LignesDesLotsAsync(structureEntiere ? null : lots, periode.Au, annulation).ConfigureAwait(false);

        // The contrats of the scope's lots (a line's lot and participant are its contrat's: set when the line is written),
        // each with its participant's profile and its employer's type — one command, whatever the number of lines.
        var ids = lots.Select(l => l.Id);
        var contratsDesLots = structureEntiere ? db.Contrats : db.Contrats.Where(c => ids.Contains(c.LotId));
        var fiches = await (
                from c in contratsDesLots.AsNoTracking()
                join p in db.Participants on c.ParticipantId equals p.Id
                join e in db.Entreprises on c.EmployeurId equals e.Id
                select new
                {
                    c.Id,
                    c.ParticipantId,
                    c.EmployeurId,
                    e.TypeEmployeur,
                    c.TypeContrat,
                    c.DateDebut,
                    Fin = c.FinReelle ?? c.FinPrevue,
                    c.SituationApres,
                    c.DecisionEligibiliteId,
                    c.AgeAuDebutFige,
                    p.Sexe,
                    p.DateNaissance,
                    p.ResidentQpv,
                    p.NiveauQualification,
                })
            .ToDictionaryAsync(f => f.Id, annulation).ConfigureAwait(false);
        // The categories held on the decisions those contrats rest on (kept below for the counted ones only).
        var decisionsDesLots = contratsDesLots.Select(c => c.DecisionEligibiliteId);
        var categoriesDesDecisions = await db.CategoriesDecision.AsNoTracking()
            .Where(c => decisionsDesLots.Contains(c.DecisionId))
            .Select(c => new { c.DecisionId, c.Categorie, c.ParticipantId })
            .ToListAsync(annulation).ConfigureAwait(false);

        // ONE pass over the lines: the minutes per lot, month, modality and type of the months read live (every month up
        // to « au »), and over the range the out-of-period lines, the counted contrats and the counted participants.
        var vivantes = new Dictionary<(LotId, Mois, ModaliteContrat, TypeContrat), (long Comptees, long EnAttente)>();
        var parParticipant = new Dictionary<ParticipantId, (DateOnly Debut, long Travaillees)>();
        var contratsComptes = new HashSet<ContratId>();
        long horsPeriodeMinutes = 0;
        var horsPeriodeLignes = 0;
        foreach (var l in lues.Lignes)
        {
            if (l.Directe && (l.Comptee || l.EnAttente))
            {
                var cle = (l.LotId, l.Mois, l.Modalite, l.TypeContrat);
                var (comptees, enAttente) = vivantes.GetValueOrDefault(cle);
                vivantes[cle] = (comptees + (l.Comptee ? l.Minutes : 0), enAttente + (l.EnAttente ? l.Minutes : 0));
            }
            if (l.Mois < periode.Du) continue;
            if (l.HorsPeriode)
            {
                horsPeriodeMinutes += l.Minutes;
                horsPeriodeLignes++;
            }
            if (!l.Comptee || !fiches.TryGetValue(l.ContratId, out var fiche)) continue;
            contratsComptes.Add(l.ContratId);
            // A participant with counted hours in the range: their earliest contrat among those, their minutes worked.
            var travaillees = l.Modalite != ModaliteContrat.Formation ? l.Minutes : 0;
            parParticipant[fiche.ParticipantId] = parParticipant.TryGetValue(fiche.ParticipantId, out var deja)
                ? (fiche.DateDebut < deja.Debut ? fiche.DateDebut : deja.Debut, deja.Travaillees + travaillees)
                : (fiche.DateDebut, travaillees);
        }
        var minutes = vivantes.Where(v => v.Value.Comptees != 0 || v.Value.EnAttente != 0)
            .Select(v => new MinutesDetaillees(v.Key.Item1, v.Key.Item2, v.Key.Item3, v.Key.Item4, v.Value.Comptees, v.Value.EnAttente))
            .Concat(lues.Compilees).ToList();
        var heures = CalculBilan.Heures(lotsDuPerimetre, minutes, periode);

        var comptes = contratsComptes.Select(id => fiches[id]).ToList();
        var profilDe = comptes.GroupBy(c => c.ParticipantId).ToDictionary(g => g.Key, g => g.First());
        // An anonymised participant's ages are frozen on the contrats (§12): the earliest start has the lowest age.
        var ageFige = comptes.GroupBy(c => c.ParticipantId).ToDictionary(g => g.Key, g => g.Min(c => c.AgeAuDebutFige));
        var participants = parParticipant.Select(p => (Profil: profilDe[p.Key], p.Value.Debut, p.Value.Travaillees, AgeFige: ageFige[p.Key]))
            .Select(p => new { p.Profil.Sexe, p.Profil.DateNaissance, p.Profil.ResidentQpv, p.Profil.NiveauQualification, p.Debut, p.AgeFige, p.Travaillees })
            .ToList();

        // A person counts once in each category held on the decisions their counted contrats rest on.
        var decisions = comptes.Where(c => c.DecisionEligibiliteId is not null).Select(c => c.DecisionEligibiliteId!.Value).ToHashSet();
        var categories = categoriesDesDecisions.Where(c => decisions.Contains(c.DecisionId))
            .Select(c => (c.Categorie, c.ParticipantId)).Distinct()
            .GroupBy(c => c.Categorie)
            .Select(g => new { Categorie = g.Key, Nombre = g.Count() })
            .ToList();

        // The contrats with counted hours in the range: by type, and the situation of those ended by the end of « au ».
        var finAu = periode.Fin;
        var contrats = comptes
            .GroupBy(c => new { c.TypeContrat, c.SituationApres, Termine = c.Fin != null && c.Fin <= finAu })
            .Select(g => new { g.Key.TypeContrat, g.Key.SituationApres, g.Key.Termine, Nombre = g.Count() })
            .ToList();

        // Companies (§8, §9): roles on the clause lots active in the range, employers of contrats with counted hours.
        var roles = await db.Attributions.AsNoTracking()
            .Where(a => actifs.Contains(a.LotId))
            .Select(a => new { a.EntrepriseId, a.Role }).Distinct()
            .ToListAsync(annulation).ConfigureAwait(false);
        var employeurs = comptes.Select(c => new { Id = c.EmployeurId, c.TypeEmployeur }).Distinct().ToList();

        // TODO(jobs) — the forecasts come from RequetesHeures.PrevisionsAsync(lots) once s6-jobs is merged.
        IReadOnlyDictionary<LotId, PrevisionLot> previsions = new Dictionary<LotId, PrevisionLot>();

        var entreprises = new EntreprisesBilan(
            roles.Select(r => r.EntrepriseId).Concat(employeurs.Select(e => e.Id)).Distinct().Count(),
            roles.Where(r => r.Role == RoleAttribution.Attributaire).Select(r => r.EntrepriseId).Distinct().Count(),
            roles.Where(r => r.Role == RoleAttribution.CoTraitant).Select(r => r.EntrepriseId).Distinct().Count(),
            roles.Where(r => r.Role == RoleAttribution.SousTraitant).Select(r => r.EntrepriseId).Distinct().Count(),
            employeurs.Count(e => e.TypeEmployeur.EstSiae()));

        var profils = new List<DimensionProfil>
        {
            Dimension(DimensionsProfil.Sexe, "Sexe", Enum.GetValues<Sexe>().Select(s => (s.ToString(), s.Libelle(), participants.Count(p => p.Sexe == s)))),
            Dimension(DimensionsProfil.TrancheAge, "Âge au début du contrat", new[]
            {
                (DimensionsProfil.MoinsDe26, "Moins de 26 ans"), (DimensionsProfil.De26A49, "De 26 à 49 ans"), (DimensionsProfil.Plus50, "50 ans et plus"),
            }.Select(t => (t.Item1, t.Item2, participants.Count(p => DimensionsProfil.Tranche(p.AgeFige ?? CategoriesEligibilite.Age(p.DateNaissance, p.Debut)) == t.Item1)))),
            Dimension(DimensionsProfil.Qpv, "Résident d'un quartier prioritaire (QPV)", new[]
            {
                (DimensionsProfil.Oui, "Oui", participants.Count(p => p.ResidentQpv)), (DimensionsProfil.Non, "Non", participants.Count(p => !p.ResidentQpv)),
            }),
            Dimension(DimensionsProfil.Niveau, "Niveau de qualification",
                Enum.GetValues<NiveauQualification>().Select(n => (n.ToString(), n.Libelle(), participants.Count(p => p.NiveauQualification == n)))),
            Dimension(DimensionsProfil.Categorie, "Catégorie d'éligibilité",
                Enum.GetValues<CategorieEligibilite>().Select(c => (c.ToString(), c.Libelle(), categories.Where(x => x.Categorie == c).Sum(x => x.Nombre)))),
        };
        var situations = Dimension(DimensionsProfil.Situation, "Situation après la clause (contrats terminés)",
            Enum.GetValues<SituationApresClause>().Select(s => (s.ToString(), s.Libelle(),
                contrats.Where(c => c.Termine && (c.SituationApres ?? SituationApresClause.Inconnu) == s).Sum(c => c.Nombre))));

        return new Bilan
        {
            Perimetre = perimetre,
            Periode = periode,
            Libelle = entete.Libelle,
            Structure = entete.Structure,
            DonneurOrdre = entete.DonneurOrdre,
            HeuresDuesMinutes = heures.DuesMinutes,
            RealiseesMinutes = heures.RealiseesMinutes,
            CumulMinutes = heures.CumulMinutes,
            CumulAuTauxMinutes = heures.CumulAuTauxMinutes,
            CumulPlafonneMinutes = heures.CumulPlafonneMinutes,
            EnAttenteMinutes = heures.EnAttenteMinutes,
            HorsPeriodeMinutes = horsPeriodeMinutes,
            HorsPeriodeLignes = horsPeriodeLignes,
            ParModalite = heures.ParModalite,
            ParTypeContrat = heures.ParTypeContrat,
            Mensuel = heures.Mensuel,
            Participants = participants.Count,
            Contrats = contrats.Sum(c => c.Nombre),
            ContratsParType = CalculBilan.Ordonner(contrats.GroupBy(c => c.TypeContrat).ToDictionary(g => g.Key, g => g.Sum(c => c.Nombre))),
            Entreprises = entreprises,
            Profils = profils,
            Situations = situations,
            PartQpv = entete.Renouvellement is { } operation
                ? new PartQpvBilan(operation.Nom, participants.Where(p => p.ResidentQpv).Sum(p => p.Travaillees), participants.Sum(p => p.Travaillees),
                    operation.ObjectifPdb is { } pdb ? new Taux(pdb) : null)
                : null,
            Previsions = previsions,
            Lots = heures.Lots,
        };
    }

    /// <summary>
    /// The range shown when none is chosen: for a lot, a marché or an opération, its execution to date — from the month its
    /// first lot starts to the current month (or the month its last lot ends, when earlier); for a donneur d'ordre or the
    /// structure, the current year to date. At most <see cref="PeriodeBilan.MoisMax"/> months, the latest ones.
    /// </summary>
    public async Task<PeriodeBilan> PeriodeParDefautAsync(PerimetreBilan perimetre, Mois courant, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(perimetre);
        var du = new Mois(courant.Annee, 1);
        var au = courant;
        if (perimetre.Perimetre is Perimetre.Lot or Perimetre.Marche or Perimetre.Operation)
        {
            var execution = await LotsDuPerimetre(perimetre).GroupBy(l => 1)
                .Select(g => new { Debut = g.Min(l => l.DebutExecution), Fin = g.Max(l => l.FinExecution) })
                .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            if (execution is not null)
            {
                du = Mois.De(execution.Debut);
                var fin = Mois.De(execution.Fin);
                au = fin < courant ? fin : courant;
                if (au < du) au = du;
            }
        }
        var premier = Mois.De(au.Premier.AddMonths(1 - PeriodeBilan.MoisMax));
        return new PeriodeBilan(du < premier ? premier : du, au);
    }

    /// <summary>The lots of the scope (not run): one lot, a marché's, an opération's, a buyer's or the structure's.</summary>
    public IQueryable<Lot> LotsDuPerimetre(PerimetreBilan perimetre, DonneurOrdreId? pourDonneurOrdre = null)
    {
        ArgumentNullException.ThrowIfNull(perimetre);
        var id = perimetre.Id ?? Guid.Empty;
        var lots = perimetre.Perimetre switch
        {
            Perimetre.Lot => db.Lots.Where(l => l.Id == new LotId(id)),
            Perimetre.Marche => db.Lots.Where(l => l.MarcheId == new MarcheId(id)),
            Perimetre.Operation => db.Lots.Where(l => l.Marche.OperationId == new OperationId(id)),
            Perimetre.DonneurOrdre => db.Lots.Where(l => l.Marche.DonneurOrdreId == new DonneurOrdreId(id)),
            _ => db.Lots,
        };
        return pourDonneurOrdre is { } acheteur ? lots.Where(l => l.Marche.DonneurOrdreId == acheteur) : lots;
    }

    /// <summary>The scope's title, its buyer and structure, the opération of urban renewal it lies within; null when not found.</summary>
    private async Task<Entete?> EnteteAsync(PerimetreBilan perimetre, DonneurOrdreId? acheteur, CancellationToken annulation)
    {
        var id = perimetre.Id ?? Guid.Empty;
        var structureId = db.Contexte.StructureId;
        var structures = db.Structures.Where(s => s.Id == structureId).Select(s => s.Nom);
        switch (perimetre.Perimetre)
        {
            case Perimetre.Lot:
                return await db.Lots.AsNoTracking().Where(l => l.Id == new LotId(id) && (acheteur == null || l.Marche.DonneurOrdreId == acheteur))
                    .Select(l => new Entete($"Lot {l.Numero} — {l.Libelle} (marché {l.Marche.Numero})", structures.FirstOrDefault() ?? "",
                        l.Marche.DonneurOrdre.RaisonSociale,
                        l.Marche.Operation.Programme != ProgrammeRenouvellement.Aucun ? new Renouvellement(l.Marche.Operation.Nom, l.Marche.Operation.ObjectifPartQpvPdb) : null))
                    .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            case Perimetre.Marche:
                return await db.Marches.AsNoTracking().Where(m => m.Id == new MarcheId(id) && (acheteur == null || m.DonneurOrdreId == acheteur))
                    .Select(m => new Entete($"Marché {m.Numero} — {m.Objet}", structures.FirstOrDefault() ?? "", m.DonneurOrdre.RaisonSociale,
                        m.Operation.Programme != ProgrammeRenouvellement.Aucun ? new Renouvellement(m.Operation.Nom, m.Operation.ObjectifPartQpvPdb) : null))
                    .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            case Perimetre.Operation:
                return await db.Operations.AsNoTracking().Where(o => o.Id == new OperationId(id) && (acheteur == null || o.DonneurOrdreId == acheteur))
                    .Select(o => new Entete($"Opération {o.Nom}", structures.FirstOrDefault() ?? "",
                        db.DonneursOrdre.Where(d => d.Id == o.DonneurOrdreId).Select(d => d.RaisonSociale).FirstOrDefault(),
                        o.Programme != ProgrammeRenouvellement.Aucun ? new Renouvellement(o.Nom, o.ObjectifPartQpvPdb) : null))
                    .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            case Perimetre.DonneurOrdre:
                return await db.DonneursOrdre.AsNoTracking().Where(d => d.Id == new DonneurOrdreId(id) && (acheteur == null || d.Id == acheteur))
                    .Select(d => new Entete(d.RaisonSociale, structures.FirstOrDefault() ?? "", d.RaisonSociale, null))
                    .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
            default:
                if (acheteur is not null || structureId is null) return null;
                var nom = await structures.FirstOrDefaultAsync(annulation).ConfigureAwait(false);
                return nom is null ? null : new Entete(nom, nom, null, null);
        }
    }

    /// <summary>
    /// A lot of the scope as the bilan reads it, its §8 « active » flag the rule itself (<paramref name="actif"/>) evaluated
    /// on the lot's own columns — not a membership test of each lot in the list of active lots.
    /// </summary>
    private static Expression<Func<Lot, LotLu>> AvecActif(Expression<Func<Lot, bool>> actif)
    {
        Expression<Func<Lot, bool, LotLu>> modele = (l, estActif) => new LotLu
        {
            Id = l.Id,
            Numero = l.Numero,
            Libelle = l.Libelle,
            Marche = l.Marche.Numero,
            HeuresDuesMinutes = l.HeuresDuesMinutes,
            FormationComptabilisee = l.FormationComptabilisee,
            PlafondFormationPdb = l.PlafondFormationPdb,
            Fondements = l.Fondements,
            Actif = estActif,
        };
        var lot = modele.Parameters[0];
        var corps = ReplacingExpressionVisitor.Replace(modele.Parameters[1],
            ReplacingExpressionVisitor.Replace(actif.Parameters[0], lot, actif.Body), modele.Body);
        return Expression.Lambda<Func<Lot, LotLu>>(corps, lot);
    }

    /// <summary>A lot of the scope, read (a class with init properties so that EF Core sees through <c>new LotLu { … }</c>).</summary>
    private sealed class LotLu
    {
        public required LotId Id { get; init; }

        public required int Numero { get; init; }

        public required string Libelle { get; init; }

        public required string Marche { get; init; }

        public required long HeuresDuesMinutes { get; init; }

        public required bool FormationComptabilisee { get; init; }

        public required int? PlafondFormationPdb { get; init; }

        public required Fondement Fondements { get; init; }

        public required bool Actif { get; init; }
    }

    private static DimensionProfil Dimension(string code, string libelle, IEnumerable<(string Code, string Libelle, int Nombre)> cellules) =>
        new(code, libelle, cellules.Select(c => new CelluleProfil(c.Code, c.Libelle, c.Nombre)).ToList());

    private sealed record Renouvellement(string Nom, int? ObjectifPdb);

    private sealed record Entete(string Libelle, string Structure, string? DonneurOrdre, Renouvellement? Renouvellement);
}
