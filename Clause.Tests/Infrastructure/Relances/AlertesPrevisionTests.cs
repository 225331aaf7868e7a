using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Relances;

/// <summary>
/// Issue 12 item 4, « a lot behind schedule (realised below 80 % of the straight target line or of the forecast) »
/// (docs/domain.md §18): each clause on its own lot of 833 h due over 2026, checked on 15/07/2026 (month checked: June,
/// target line 413,08 h, 80 % = 330,46 h; last counted month June, 6 months left, 80 % of the dues = 666,40 h).
/// <list type="bullet">
/// <item>straight line only: 100 h in April, May and June → 300 h (72,62 % of the target), pace 100 h → 900 h (108 %);</item>
/// <item>forecast only: 200 h in January and February → 400 h (96,8 % of the target), pace 0 → 400 h (48 %);</item>
/// <item>both: nothing → 0 h, 0 h at the end;</item>
/// <item>neither: 130 h, 130 h, then 140 h in June → 400 h, 400 + 140 × 6 / 3 = 680 h (81,6 %);</item>
/// <item>not in execution (launched only), nothing realised: no alert.</item>
/// </list>
/// </summary>
public sealed class AlertesPrevisionTests : IDisposable
{
    private readonly EnvironnementTaches _env = new();

    public void Dispose() => _env.Dispose();

    private sealed record Monde(StructureId Structure, Guid Facilitateur, LotId Ligne, LotId Prevision, LotId LesDeux, LotId Aucun, LotId PasEnExecution);

    private async Task<Monde> MondeAsync()
    {
        _env.Le(new DateOnly(2026, 1, 5));
        var structure = await _env.CreerStructureAsync("PLIE Touraine");
        var f = await _env.CreerCompteAsync(Roles.Facilitateur, structure.Id, "camille@plie.fr", "Camille Girard");
        var s = new SituationsContrats(structure.Id);
        var lots = Enumerable.Range(1, 5).Select(n => s.Marches.UnMarche($"2026-00{n}").Lots[0]).ToArray();
        foreach (var (lot, i) in lots.Select((l, i) => (l, i)))
        {
            lot.Attribuer(s.Titulaire, RoleAttribution.Attributaire, null);
            lot.Lancer();
            if (i < 4) lot.MettreEnExecution();
        }
        var participants = Enumerable.Range(0, 4).Select(i => s.UnParticipantEligible($"Martin{i}")).ToArray();
        var contrats = Enumerable.Range(0, 4).Select(i => s.UnContratValide(participant: participants[i], debut: new DateOnly(2026, 1, 10), lot: lots[i])).ToArray();
        await _env.PourAsync(structure.Id, async (_, db) =>
        {
            db.Reglages.Add(s.Reglages);
            db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
            db.Operations.Add(s.Marches.Operation);
            db.Entreprises.Add(s.Titulaire);
            db.Marches.AddRange(lots.Select(l => l.Marche));
            db.Participants.AddRange(participants);
            db.Contrats.AddRange(contrats);
            await db.SaveChangesAsync();
        });
        var heures = new (int Contrat, Mois Mois, int Heures)[]
        {
            (0, new Mois(2026, 4), 100), (0, new Mois(2026, 5), 100), (0, new Mois(2026, 6), 100),
            (1, new Mois(2026, 1), 200), (1, new Mois(2026, 2), 200),
            (3, new Mois(2026, 1), 130), (3, new Mois(2026, 2), 130), (3, new Mois(2026, 6), 140),
        };
        foreach (var (i, mois, h) in heures.OrderBy(x => x.Mois))
        {
            _env.Le(mois.Suivant.Premier.AddDays(2));
            await _env.PourAsync(structure.Id, (sp, _) => sp.GetRequiredService<ServiceHeures>()
                .DeclarerAsync(contrats[i].Id, mois, SaisieHeures.EnHeures(Duree.Heures(h)), SituationsContrats.Facilitateur));
        }
        return new Monde(structure.Id, f.Id, lots[0].Id, lots[1].Id, lots[2].Id, lots[3].Id, lots[4].Id);
    }

    private async Task<Dictionary<Guid, string>> RetardsAsync(StructureId structure) =>
        await _env.PourAsync(structure, (_, db) => db.Alertes.AsNoTracking().Where(a => a.Nature == NatureAlerte.LotEnRetard)
            .ToDictionaryAsync(a => a.SujetId, a => SituationsMarches.Espaces(a.Texte)));

    [Fact]
    public async Task Chaque_clause_leve_l_alerte_une_fois_et_le_message_donne_la_projection()
    {
        var m = await MondeAsync();
        _env.Le(new DateOnly(2026, 7, 15));

        var premier = (await _env.AlerterAsync()).Single();
        var second = (await _env.AlerterAsync()).Single();

        Assert.Equal(3, premier.LotsEnRetard);
        Assert.Equal(0, second.Total + second.Mails);
        var retards = await RetardsAsync(m.Structure);
        Guid[] attendus = [m.Ligne.Valeur, m.Prevision.Valeur, m.LesDeux.Valeur];
        Assert.Equal(attendus.Order(), retards.Keys.Order());
        Assert.Equal("Le lot 1 — Gros œuvre (marché 2026-001) est en retard : 300,00 h réalisées pour une cible de 413,08 h fin juin 2026 "
            + "(72,62 % de la cible, seuil 80 %).", retards[m.Ligne.Valeur]);
        Assert.Equal("Le lot 1 — Gros œuvre (marché 2026-002) est en retard sur sa prévision : à ce rythme : 400,00 h à la fin (48 %) "
            + "pour 833,00 h dues (seuil 80 %).", retards[m.Prevision.Valeur]);
        Assert.Equal("Le lot 1 — Gros œuvre (marché 2026-003) est en retard : 0,00 h réalisées pour une cible de 413,08 h fin juin 2026 "
            + "(0 % de la cible, seuil 80 %). À ce rythme : 0,00 h à la fin (0 %) pour 833,00 h dues.", retards[m.LesDeux.Valeur]);
        var mail = _env.MailsRecus().Single();
        Assert.Contains("à ce rythme : 400,00 h à la fin (48 %)", SituationsMarches.Espaces(mail.TextBody ?? string.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_prevision_suit_le_seuil_des_reglages()
    {
        var m = await MondeAsync();
        await _env.PourAsync(m.Structure, async (_, db) =>
        {
            var r = await db.Reglages.SingleAsync();
            r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, r.FenetreEligibiliteMois, r.AgeSenior,
                r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
                r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois,
                4_000); // 40 %: 300 h (72,6 % of the target) and 400 h projected (48 %) are above; 0 h is not
            await db.SaveChangesAsync();
        });
        _env.Le(new DateOnly(2026, 7, 15));

        await _env.AlerterAsync();

        Assert.Equal([m.LesDeux.Valeur], (await RetardsAsync(m.Structure)).Keys);
    }

    [Theory]
    [InlineData(39_984, false)] // 833 h = 49 980 min; exactly 80 % = 39 984 min: not under
    [InlineData(39_983, true)]
    public void La_projection_sous_le_seuil_des_heures_dues(long projection, bool enRetard)
    {
        var prevision = new PrevisionLot(0, projection, null, null, 6, true);
        Assert.Equal(enRetard, ReglesAlertes.PrevisionEnRetard(prevision, 49_980, 8_000));
    }

    [Fact]
    public void Sans_prevision_ou_sans_heures_dues_pas_de_retard_sur_la_prevision()
    {
        Assert.False(ReglesAlertes.PrevisionEnRetard(null, 49_980, 8_000));
        Assert.False(ReglesAlertes.PrevisionEnRetard(new PrevisionLot(0, 0, null, null, 6, true), 0, 8_000));
    }
}
