using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Relances;

/// <summary>
/// Issue 12 item 4: each kind of alert, to the right people, once — in the database (unique index) and by mail (caught by
/// the SMTP server after the outbox sent it). Today is 15/07/2026 in a structure with two facilitateurs, a référent and a
/// Direction account: a contrat ending on 01/08 (référent's participant), a window closing on 20/08, lot A with nothing
/// realised (behind its target line), lot B on track, and a CDI started on 10/01/2026 reaching 6 months on 10/07.
/// </summary>
public sealed class AlertesTests : IDisposable
{
    private readonly EnvironnementTaches _env = new();

    public void Dispose() => _env.Dispose();

    private sealed record Monde(StructureId Structure, Guid F1, Guid F2, Guid Referent, Guid Direction, LotId A, LotId B, ContratId Finissant,
        ContratId Cdi, ParticipantId Fenetre);

    private async Task<Monde> MondeAsync()
    {
        _env.Le(new DateOnly(2026, 1, 5));
        var structure = await _env.CreerStructureAsync("PLIE Touraine");
        var f1 = await _env.CreerCompteAsync(Roles.Facilitateur, structure.Id, "camille@plie.fr", "Camille Girard");
        var f2 = await _env.CreerCompteAsync(Roles.Facilitateur, structure.Id, "hugo@plie.fr", "Hugo Moreau");
        var referent = await _env.CreerCompteAsync(Roles.Referent, structure.Id, "ines@plie.fr", "Inès Roux");
        var direction = await _env.CreerCompteAsync(Roles.Direction, structure.Id, "direction@plie.fr", "Dominique Blanc");
        var s = new SituationsContrats(structure.Id);
        var lotA = s.Lot;
        var lotB = s.Marches.UnMarche("2026-002").Lots[0];
        lotB.Attribuer(s.Titulaire, RoleAttribution.Attributaire, null);
        foreach (var lot in new[] { lotA, lotB })
        {
            lot.Lancer();
            lot.MettreEnExecution();
        }
        var suivi = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Lambert", prenom: "Julie", referentId: referent.Id);
        suivi.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        var finissant = s.UnContratValide(participant: suivi, fin: new DateOnly(2026, 8, 1));
        var fenetre = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Garnier", prenom: "Noé", referentId: referent.Id);
        fenetre.Valider(new DateOnly(2024, 8, 20), CategorieEligibilite.DELD12); // window closes on 20/08/2026
        var embauche = ParticipantsDeTest.UnParticipant(structure.Id, nom: "Faure", prenom: "Adam", referentId: referent.Id);
        embauche.Valider(SituationsContrats.ValidationEligibilite, CategorieEligibilite.RSA);
        var cdi = Contrat.Proposer(embauche, lotB, s.Titulaire, SituationsContrats.Donnees(debut: new DateOnly(2026, 1, 10), type: TypeContrat.CDI) with { FinPrevue = null },
            s.Reglages, SituationsContrats.Entreprise, SituationsContrats.Maintenant);
        cdi.Valider(embauche, s.Reglages, null, SituationsContrats.Facilitateur, SituationsContrats.Maintenant);
        var cddi = s.UnParticipantEligible("Perrin");
        var transition = s.UnContratValide(participant: cddi, debut: new DateOnly(2026, 1, 10), lot: lotB); // a CDDI: not a lasting job
        await _env.PourAsync(structure.Id, async (_, db) =>
        {
            db.Reglages.Add(s.Reglages);
            db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
            db.Operations.Add(s.Marches.Operation);
            db.Entreprises.Add(s.Titulaire);
            db.Marches.AddRange(lotA.Marche, lotB.Marche);
            db.Participants.AddRange(suivi, fenetre, embauche, cddi);
            db.Contrats.AddRange(finissant, cdi, transition);
            await db.SaveChangesAsync();
        });
        // Lot B on track: 400 h validated by the end of June against a target of 833 h × 181 / 365 = 413,08 h (80 % = 330,46 h),
        // and at its pace (April–June: 140 h / 3 months, 6 months left) 400 + 280 = 680 h at the end, 81,6 % of 833 h (≥ 80 %).
        foreach (var (mois, heures) in new[] { (new Mois(2026, 1), 130), (new Mois(2026, 2), 130), (new Mois(2026, 6), 140) })
        {
            _env.Le(mois.Suivant.Premier.AddDays(2));
            await _env.PourAsync(structure.Id, (sp, _) => sp.GetRequiredService<ServiceHeures>()
                .DeclarerAsync(transition.Id, mois, SaisieHeures.EnHeures(Duree.Heures(heures)), SituationsContrats.Facilitateur));
        }
        return new Monde(structure.Id, f1.Id, f2.Id, referent.Id, direction.Id, lotA.Id, lotB.Id, finissant.Id, cdi.Id, fenetre.Id);
    }

    [Fact]
    public async Task Chaque_alerte_une_fois_a_ses_destinataires_en_base_et_par_mail()
    {
        var m = await MondeAsync();
        _env.Le(new DateOnly(2026, 7, 15));

        var premier = (await _env.AlerterAsync()).Single();
        var second = (await _env.AlerterAsync()).Single();
        _env.Le(new DateOnly(2026, 7, 16));
        var lendemain = (await _env.AlerterAsync()).Single();

        Assert.Equal((1, 1, 1, 1, 3), (premier.FinsContrat, premier.Fenetres, premier.LotsEnRetard, premier.EmploisDurables, premier.Mails));
        Assert.Equal(0, second.Total + second.Mails);
        Assert.Equal(0, lendemain.Total + lendemain.Mails);

        var alertes = await _env.PourAsync(m.Structure, (_, db) => db.Alertes.AsNoTracking().ToListAsync());
        var parNature = alertes.ToLookup(a => a.Nature, a => (a.SujetId, a.DestinataireId));
        (Guid, Guid)[] finContrat = [(m.Finissant.Valeur, m.F1), (m.Finissant.Valeur, m.F2), (m.Finissant.Valeur, m.Referent)];
        (Guid, Guid)[] fenetre = [(m.Fenetre.Valeur, m.F1), (m.Fenetre.Valeur, m.F2), (m.Fenetre.Valeur, m.Referent)];
        (Guid, Guid)[] retardLot = [(m.A.Valeur, m.F1), (m.A.Valeur, m.F2)];
        Assert.Equal(finContrat.Order(), parNature[NatureAlerte.FinContrat].Order());
        Assert.Equal(fenetre.Order(), parNature[NatureAlerte.FenetreEligibilite].Order());
        Assert.Equal(retardLot.Order(), parNature[NatureAlerte.LotEnRetard].Order());
        Assert.Equal([(m.Cdi.Valeur, m.Referent)], parNature[NatureAlerte.EmploiDurable].ToList());
        Assert.DoesNotContain(alertes, a => a.DestinataireId == m.Direction);

        var fin = alertes.First(a => a.Nature == NatureAlerte.FinContrat);
        Assert.Equal(new DateOnly(2026, 8, 1), fin.Echeance);
        Assert.Equal("Le contrat de Julie Lambert (lot 1 — Gros œuvre, Bâtiments du Val SARL) finit le 01/08/2026.", fin.Texte);
        var retard = alertes.First(a => a.Nature == NatureAlerte.LotEnRetard);
        Assert.Equal(new DateOnly(2026, 6, 30), retard.Echeance);
        Assert.Equal("Le lot 1 — Gros œuvre (marché 2026-001) est en retard : 0,00 h réalisées pour une cible de 413,08 h fin juin 2026 (0 % de la cible, seuil 80 %)."
            + " À ce rythme : 0,00 h à la fin (0 %) pour 833,00 h dues.",
            SituationsMarches.Espaces(retard.Texte));
        var durable = alertes.Single(a => a.Nature == NatureAlerte.EmploiDurable);
        Assert.Equal(new DateOnly(2026, 7, 10), durable.Echeance);
        Assert.StartsWith("Adam Faure est depuis 6 mois en emploi durable (CDI chez Bâtiments du Val SARL, depuis le 10/01/2026)", durable.Texte, StringComparison.Ordinal);

        // One mail per recipient listing their alerts, none twice.
        var mails = _env.MailsRecus();
        Assert.Equal(["camille@plie.fr", "hugo@plie.fr", "ines@plie.fr"], mails.Select(x => x.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        var auReferent = mails.Single(x => x.To.Mailboxes.Single().Address == "ines@plie.fr");
        Assert.Equal("Clause : 3 nouvelles alertes", auReferent.Subject);
        Assert.Contains($"{EnvironnementTaches.UrlPublique}Participants/Details/{m.Fenetre}", auReferent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Gros œuvre (marché", auReferent.TextBody, StringComparison.Ordinal); // lots behind: facilitateurs only
        var auFacilitateur = mails.First(x => x.To.Mailboxes.Single().Address == "camille@plie.fr");
        Assert.Contains($"{EnvironnementTaches.UrlPublique}Participants/Eligibilite/{m.Fenetre}", auFacilitateur.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("emploi durable", auFacilitateur.TextBody, StringComparison.Ordinal); // lasting job: référent only
    }

    [Fact]
    public async Task Une_alerte_traitee_ne_revient_pas_et_une_nouvelle_date_est_une_nouvelle_alerte()
    {
        var m = await MondeAsync();
        _env.Le(new DateOnly(2026, 7, 15));
        await _env.AlerterAsync();
        await _env.PourAsync(m.Structure, async (_, db) =>
        {
            foreach (var a in await db.Alertes.Where(a => a.DestinataireId == m.Referent).ToListAsync()) a.Traiter(_env.Horloge.GetUtcNow());
            await db.SaveChangesAsync();
        });

        _env.Le(new DateOnly(2026, 8, 3)); // August: the lot is checked at the end of July, a new occurrence
        var aout = (await _env.AlerterAsync()).Single();

        Assert.Equal((0, 0, 1, 0), (aout.FinsContrat, aout.Fenetres, aout.LotsEnRetard, aout.EmploisDurables));
        var retards = await _env.PourAsync(m.Structure, (_, db) => db.Alertes.AsNoTracking().Where(a => a.Nature == NatureAlerte.LotEnRetard)
            .Select(a => a.Echeance).Distinct().OrderBy(e => e).ToListAsync());
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 31)], retards);
        Assert.Equal(0, await _env.PourAsync(m.Structure, (_, db) => db.Alertes.CountAsync(a => a.DestinataireId == m.Referent && a.TraiteeLe == null)));
    }

    [Fact]
    public async Task Le_seuil_de_retard_est_celui_des_reglages()
    {
        var m = await MondeAsync();
        await _env.PourAsync(m.Structure, async (_, db) =>
        {
            var r = await db.Reglages.SingleAsync();
            r.Modifier(r.CoutHoraireReferenceCentimes, r.PartMainOeuvreDefautPdb, r.RecalculSurAvenant, r.ModeAccordCadre, r.FenetreEligibiliteMois, r.AgeSenior,
                r.AnticipationDebutContratJours, r.MaxMinutesParMois, r.ToleranceApresFinJours, r.FormationComptabiliseeDefaut, r.PlafondFormationDefautPdb,
                r.JourLimiteDeclaration, r.JourPremiereRelance, r.JourSecondeRelance, r.SeuilConfidentialite, r.DelaiSortieEmploiDurableMois, r.ConservationMois,
                9_900); // lot B's 400 h are 96,8 % of its 413,08 h target: behind at 99 %
            await db.SaveChangesAsync();
        });
        _env.Le(new DateOnly(2026, 7, 15));

        await _env.AlerterAsync();

        var lots = await _env.PourAsync(m.Structure, (_, db) => db.Alertes.AsNoTracking().Where(a => a.Nature == NatureAlerte.LotEnRetard)
            .Select(a => a.SujetId).Distinct().ToListAsync());
        Guid[] attendus = [m.A.Valeur, m.B.Valeur];
        Assert.Equal(attendus.Order(), lots.Order());
    }

    [Fact]
    public async Task La_base_refuse_la_meme_alerte_deux_fois()
    {
        var m = await MondeAsync();
        Alerte Une() => Alerte.Creer(m.Structure, NatureAlerte.FinContrat, m.Finissant.Valeur, new DateOnly(2026, 8, 1), m.F1, "Texte", "/Contrats", _env.Horloge.GetUtcNow());
        await _env.PourAsync(m.Structure, async (_, db) =>
        {
            db.Alertes.Add(Une());
            await db.SaveChangesAsync();
        });

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => _env.PourAsync(m.Structure, async (_, db) =>
        {
            db.Alertes.Add(Une());
            await db.SaveChangesAsync();
        }));
        Assert.Contains("UNIQUE", ex.InnerException!.Message, StringComparison.Ordinal);
    }
}
