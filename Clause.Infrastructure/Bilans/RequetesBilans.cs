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

namespace Clause.Infrastructure.Bilans;

/// <summary>
/// THE query of a bilan (DOMAIN.md §9, docs/domain.md « Bilans »): every output — staff pages, printable page, Excel, mail,
/// API, buyer portal — asks it for a <see cref="Bilan"/>. A fixed number of set-based commands, whatever the scope's size:
/// the scope's header, its lots (with the §8 « active » flag of <see cref="Activite.LotActif"/>), the minutes per lot, month,
/// modality and type (<see cref="RequetesHeures.MinutesDetailleesAsync"/>: compiled months from the compiled totals), then
/// over the counted lines of the range (<see cref="RequetesHeures.Lignes"/> filtered by <see cref="Comptage.Comptee"/>):
/// the participants, their categories, the contrats, the employers; the roles on the active lots; the out-of-period lines
/// (<see cref="Comptage.HorsPeriodeListee"/>). The arithmetic is the domain's (<see cref="CalculBilan"/>,
/// <see cref="Comptage"/>). Scoped to the current structure by the tenant filter.
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
            .Select(l => new
            {
                l.Id,
                l.Numero,
                l.Libelle,
                Marche = l.Marche.Numero,
                l.HeuresDuesMinutes,
                l.FormationComptabilisee,
                l.PlafondFormationPdb,
                l.Fondements,
                Actif = actifs.Contains(l.Id),
                l.Marche.OperationId,
            })
            .ToListAsync(annulation).ConfigureAwait(false);
        var lotsDuPerimetre = lignesLots.Select(l => new LotDuPerimetre(l.Id, $"{l.Marche} — lot {l.Numero} : {l.Libelle}",
            new ParametresComptage(l.HeuresDuesMinutes, l.FormationComptabilisee, l.PlafondFormationPdb),
            l.Fondements != Fondement.Aucun, l.Actif)).ToList();

        var minutes = await requetes.MinutesDetailleesAsync(lots, periode.Au, annulation).ConfigureAwait(false);
        var heures = CalculBilan.Heures(lotsDuPerimetre, minutes, periode);

        var ids = lots.Select(l => l.Id);
        var declarations = db.DeclarationsHeures.Where(d => ids.Contains(d.LotId) && d.Mois >= periode.Du && d.Mois <= periode.Au);
        var comptees = requetes.Lignes(declarations).Where(Comptage.Comptee);

        // The participants with counted hours in the range: one row each, their earliest contrat in scope among those.
        var parParticipant = comptees
            .GroupBy(l => l.Ligne.ParticipantId)
            .Select(g => new
            {
                ParticipantId = g.Key,
                Debut = g.Min(x => x.Contrat.DateDebut),
                // An anonymised participant's ages are frozen on the contrats (§12): the earliest start has the lowest age.
                AgeFige = g.Min(x => x.Contrat.AgeAuDebutFige),
                Travaillees = g.Sum(x => x.Contrat.Modalite != ModaliteContrat.Formation ? x.Ligne.Minutes : 0),
            });
        var participants = await (
                from g in parParticipant
                join p in db.Participants on g.ParticipantId equals p.Id
                select new { p.Sexe, p.DateNaissance, p.ResidentQpv, p.NiveauQualification, g.Debut, g.AgeFige, g.Travaillees })
            .ToListAsync(annulation).ConfigureAwait(false);

        // A person counts once in each category held on the decisions their counted contrats rest on.
        var decisions = comptees.Select(l => l.Contrat.DecisionEligibiliteId);
        var categories = await db.CategoriesDecision.AsNoTracking()
            .Where(c => decisions.Contains(c.DecisionId))
            .Select(c => new { c.Categorie, c.ParticipantId }).Distinct()
            .GroupBy(c => c.Categorie)
            .Select(g => new { Categorie = g.Key, Nombre = g.Count() })
            .ToListAsync(annulation).ConfigureAwait(false);

        // The contrats with counted hours in the range: by type, and the situation of those ended by the end of « au ».
        var finAu = periode.Fin;
        var contrats = await comptees
            .Select(l => new { l.Contrat.Id, l.Contrat.TypeContrat, l.Contrat.SituationApres, Fin = l.Contrat.FinReelle ?? l.Contrat.FinPrevue })
            .Distinct()
            .GroupBy(c => new { c.TypeContrat, c.SituationApres, Termine = c.Fin != null && c.Fin <= finAu })
            .Select(g => new { g.Key.TypeContrat, g.Key.SituationApres, g.Key.Termine, Nombre = g.Count() })
            .ToListAsync(annulation).ConfigureAwait(false);

        // Companies (§8, §9): roles on the clause lots active in the range, employers of contrats with counted hours.
        var roles = await db.Attributions.AsNoTracking()
            .Where(a => actifs.Contains(a.LotId))
            .Select(a => new { a.EntrepriseId, a.Role }).Distinct()
            .ToListAsync(annulation).ConfigureAwait(false);
        var employeursIds = comptees.Select(l => l.Contrat.EmployeurId);
        var employeurs = await db.Entreprises.AsNoTracking()
            .Where(e => employeursIds.Contains(e.Id))
            .Select(e => new { e.Id, e.TypeEmployeur })
            .ToListAsync(annulation).ConfigureAwait(false);

        var horsPeriode = await requetes.Lignes(declarations).Where(Comptage.HorsPeriodeListee)
            .GroupBy(l => 1)
            .Select(g => new { Minutes = g.Sum(l => l.Ligne.Minutes), Lignes = g.Count() })
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);

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
            HorsPeriodeMinutes = horsPeriode?.Minutes ?? 0,
            HorsPeriodeLignes = horsPeriode?.Lignes ?? 0,
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

    private static DimensionProfil Dimension(string code, string libelle, IEnumerable<(string Code, string Libelle, int Nombre)> cellules) =>
        new(code, libelle, cellules.Select(c => new CelluleProfil(c.Code, c.Libelle, c.Nombre)).ToList());

    private sealed record Renouvellement(string Nom, int? ObjectifPdb);

    private sealed record Entete(string Libelle, string Structure, string? DonneurOrdre, Renouvellement? Renouvellement);
}
