using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Relances;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Relances;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Relances;

/// <summary>
/// Issue 12 item 3: the declaration reminders over three months for two companies, with a fake clock, caught by a real SMTP
/// server after the outbox sent them. Company X (« Bâtiments du Val SARL ») holds lots A and B, with two contacts who have
/// an e-mail and one who has none; company Y (« Insertion Plus ») holds lot C with one contact; an ETTI employs on lot A
/// and always declares (no contact, no reminder). Lot A's CCAP sets 150,00 € per missing hour.
/// January: X declares nothing, Y declares → in February X's two contacts get A and B, twice, and two tasks appear.
/// February: X declares A only, Y declares between the two reminders → in March X's contacts get B twice, Y's contact the
/// first only, one task. March: everyone declares → nothing in April.
/// </summary>
public sealed class RelancesTests : IDisposable
{
    private readonly EnvironnementTaches _env = new();

    public void Dispose() => _env.Dispose();

    private sealed record Monde(StructureId Structure, LotId A, LotId B, LotId C, ContratId C1, ContratId C2, ContratId C3, ContratId C4,
        Guid ContactSansEmail);

    private async Task<Monde> MondeAsync()
    {
        var structure = await _env.CreerStructureAsync("PLIE Touraine");
        var s = new SituationsContrats(structure.Id);
        var lotA = s.Lot;
        var x = s.Titulaire;
        var lotB = s.Marches.UnMarche("2026-002").Lots[0];
        lotB.Attribuer(x, RoleAttribution.Attributaire, null);
        var y = s.Marches.UneEntreprise("Insertion Plus");
        var lotC = s.Marches.UnMarche("2026-003").Lots[0];
        lotC.Attribuer(y, RoleAttribution.Attributaire, null);
        var z = s.UnEmployeur(TypeEmployeur.ETTI, "Intérim Solidaire");
        foreach (var lot in new[] { lotA, lotB, lotC })
        {
            lot.Lancer();
            lot.MettreEnExecution();
        }
        lotA.ModifierObligation(Fondement.ConditionExecution, ParametresObligation.F1(Taux.Pourcent(5)), new Taux(lotA.PartMainOeuvrePdb), null,
            Montant.Euros(150), new DateOnly(2026, 1, 2), "Pénalité par heure manquante du CCAP", s.Reglages, _env.Horloge);
        x.AjouterContact("Jean Dupont", RoleContactEntreprise.Dirigeant, "jean.dupont@bdv.fr", null);
        x.AjouterContact("Marie Lefèvre", RoleContactEntreprise.RH, "marie.lefevre@bdv.fr", null);
        var sansEmail = x.AjouterContact("Paul Sansmail", RoleContactEntreprise.ConducteurTravaux, null, "0601020304");
        y.AjouterContact("Yves Martin", RoleContactEntreprise.Dirigeant, "yves.martin@insertion-plus.fr", null);
        var p2 = s.UnParticipantEligible("Bernard");
        var p3 = s.UnParticipantEligible("Petit");
        var p4 = s.UnParticipantEligible("Durand");
        var c1 = s.UnContratValide(employeur: x, lot: lotA);
        var c2 = s.UnContratValide(employeur: x, participant: p2, lot: lotB);
        var c3 = s.UnContratValide(employeur: y, participant: p3, lot: lotC);
        var c4 = s.UnContratValide(ModaliteContrat.MiseADispositionEtti, employeur: z, participant: p4, lot: lotA);
        await _env.PourAsync(structure.Id, async (_, db) =>
        {
            db.Reglages.Add(s.Reglages);
            db.DonneursOrdre.Add(s.Marches.DonneurOrdre);
            db.Operations.Add(s.Marches.Operation);
            db.Entreprises.AddRange(x, y, z);
            db.Marches.AddRange(lotA.Marche, lotB.Marche, lotC.Marche);
            db.Participants.AddRange(s.Participant, p2, p3, p4);
            db.Contrats.AddRange(c1, c2, c3, c4);
            await db.SaveChangesAsync();
        });
        return new Monde(structure.Id, lotA.Id, lotB.Id, lotC.Id, c1.Id, c2.Id, c3.Id, c4.Id, sansEmail.Id);
    }

    private Task<DeclarationHeures> DeclarerAsync(Monde m, ContratId contrat, Mois mois, int heures, bool parLeFacilitateur = false) =>
        _env.PourAsync(m.Structure, (sp, _) => sp.GetRequiredService<ServiceHeures>()
            .DeclarerAsync(contrat, mois, SaisieHeures.EnHeures(Duree.Heures(heures)), parLeFacilitateur ? SituationsContrats.Facilitateur : SituationsContrats.Entreprise));

    /// <summary>Runs the daily job on every day from <paramref name="du"/> to <paramref name="au"/>, the declarations of a day first.</summary>
    private async Task<List<ResultatRelances>> JoursAsync(DateOnly du, DateOnly au, Func<DateOnly, Task>? avant = null)
    {
        var resultats = new List<ResultatRelances>();
        for (var jour = du; jour <= au; jour = jour.AddDays(1))
        {
            _env.Le(jour);
            if (avant is not null) await avant(jour);
            resultats.AddRange(await _env.RelancerAsync());
        }
        return resultats;
    }

    /// <summary>(recipient, subject, lots listed) of a mail, read from the MIME message the SMTP server received.</summary>
    private static (string A, string Sujet, string Lots) Resume(MimeKit.MimeMessage mail)
    {
        var lots = string.Join(" | ", (mail.TextBody ?? string.Empty).Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()));
        return (mail.To.Mailboxes.Single().Address, mail.Subject ?? string.Empty, lots);
    }

    private const string LotA = "Marché 2026-001, lot 1 — Gros œuvre";
    private const string LotB = "Marché 2026-002, lot 1 — Gros œuvre";
    private const string LotC = "Marché 2026-003, lot 1 — Gros œuvre";

    [Fact]
    public async Task Trois_mois_de_relances_pour_deux_entreprises_les_mails_exacts_sans_doublon()
    {
        var m = await MondeAsync();
        var janvier = new Mois(2026, 1);
        var fevrier = new Mois(2026, 2);
        var mars = new Mois(2026, 3);

        var resultats = await JoursAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 4, 30), async jour =>
        {
            if (jour == new DateOnly(2026, 2, 5))
            {
                await DeclarerAsync(m, m.C3, janvier, 120);
                await DeclarerAsync(m, m.C4, janvier, 100, parLeFacilitateur: true); // validated at once: 100 h realised on lot A
            }
            if (jour == new DateOnly(2026, 3, 5))
            {
                await DeclarerAsync(m, m.C1, fevrier, 140);
                await DeclarerAsync(m, m.C4, fevrier, 100);
            }
            if (jour == new DateOnly(2026, 3, 14)) await DeclarerAsync(m, m.C3, fevrier, 130); // between the two reminders
            if (jour == new DateOnly(2026, 4, 3))
                foreach (var c in new[] { m.C1, m.C2, m.C3, m.C4 }) await DeclarerAsync(m, c, mars, 100);
        });

        var recus = _env.MailsRecus().Select(Resume).ToList();
        string Premiere(string mois) => $"Relance : heures d'insertion de {mois} à déclarer";
        string Seconde(string mois) => $"Seconde relance : heures d'insertion de {mois} à déclarer";
        (string, string, string)[] attendus =
        [
            ("jean.dupont@bdv.fr", Premiere("janvier 2026"), $"{LotA} | {LotB}"),
            ("marie.lefevre@bdv.fr", Premiere("janvier 2026"), $"{LotA} | {LotB}"),
            ("jean.dupont@bdv.fr", Seconde("janvier 2026"), $"{LotA} | {LotB}"),
            ("marie.lefevre@bdv.fr", Seconde("janvier 2026"), $"{LotA} | {LotB}"),
            ("jean.dupont@bdv.fr", Premiere("février 2026"), LotB),
            ("marie.lefevre@bdv.fr", Premiere("février 2026"), LotB),
            ("yves.martin@insertion-plus.fr", Premiere("février 2026"), LotC),
            ("jean.dupont@bdv.fr", Seconde("février 2026"), LotB),
            ("marie.lefevre@bdv.fr", Seconde("février 2026"), LotB),
        ];
        Assert.Equal(attendus.Order(), recus.Order());

        // Sent on the reminder days only, and the link of each mail is the portal page of its month.
        var mails = _env.MailsRecus();
        Assert.All(mails.Where(x => (x.Subject ?? "").Contains("janvier", StringComparison.Ordinal)),
            x => Assert.Contains($"{EnvironnementTaches.UrlPublique}Portail/Heures/Mois/2026-01", x.TextBody, StringComparison.Ordinal));
        Assert.All(mails.Where(x => (x.Subject ?? "").Contains("février", StringComparison.Ordinal)),
            x => Assert.Contains($"{EnvironnementTaches.UrlPublique}Portail/Heures/Mois/2026-02", x.HtmlBody, StringComparison.Ordinal));
        Assert.Contains("attendue au plus tard le 10/02/2026", mails.First(x => x.Subject == Premiere("janvier 2026")).TextBody, StringComparison.Ordinal);

        // The reminder rows: one per contact, lot, month and rank, none twice.
        var relances = await _env.PourAsync(m.Structure, (_, db) => db.RelancesDeclaration.AsNoTracking().ToListAsync());
        Assert.Equal(13, relances.Count); // January: 2 contacts × 2 lots × 2 ranks; February: 2 contacts × lot B × 2 ranks + Yves × lot C × 1
        Assert.Equal(relances.Count, relances.Select(r => (r.ContactId, r.LotId, r.Mois, r.Rang)).Distinct().Count());
        Assert.DoesNotContain(relances, r => r.LotId == m.C && r.Rang == RangRelance.Seconde);
        Assert.DoesNotContain(relances, r => r.Mois == mars);

        // The contact without e-mail is skipped, and said so in each run that reminded its company.
        Assert.Contains(resultats, r => r.ContactsSansEmail.SequenceEqual(["Bâtiments du Val SARL"]));
        Assert.Contains("contacts sans e-mail ignorés : Bâtiments du Val SARL (1)",
            resultats.First(r => r.Mails > 0).Resume, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relance_infructueuse_tache_et_penalite_proposee()
    {
        var m = await MondeAsync();
        var janvier = new Mois(2026, 1);

        await JoursAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), async jour =>
        {
            if (jour == new DateOnly(2026, 2, 5)) await DeclarerAsync(m, m.C4, janvier, 100, parLeFacilitateur: true);
            if (jour == new DateOnly(2026, 2, 6)) await DeclarerAsync(m, m.C3, janvier, 100);
        });

        var taches = await _env.PourAsync(m.Structure, (_, db) => db.TachesRelance.AsNoTracking().OrderBy(t => t.LotId == m.A ? 0 : 1).ToListAsync());
        Assert.Equal(2, taches.Count); // X on A and on B; Y declared, Z declared
        var a = taches[0];
        Assert.Equal((m.A, janvier), (a.LotId, a.Mois));
        Assert.Equal(new DateOnly(2026, 2, 18), DateOnly.FromDateTime(a.CreeeLe.UtcDateTime)); // the second reminder's day
        // Lot A: 833 h due, 100 h realised (the ETTI's validated line) → (833 − 100) × 150,00 € = 109 950,00 €.
        Assert.Equal((833 * 60L, 100 * 60L, 150_00L, 109_950_00L), (a.DuesMinutes, a.RealiseesMinutes, a.MontantParHeureManquanteCentimes!.Value, a.PenaliteProposeeCentimes!.Value));
        // Lot B: no rate in its CCAP → no penalty proposed.
        var b = taches[1];
        Assert.Equal(m.B, b.LotId);
        Assert.Null(b.MontantParHeureManquanteCentimes);
        Assert.Null(b.PenaliteProposeeCentimes);
    }

    [Fact]
    public async Task Une_declaration_entre_les_deux_relances_arrete_la_seconde_et_la_tache()
    {
        var m = await MondeAsync();
        var janvier = new Mois(2026, 1);

        await JoursAsync(new DateOnly(2026, 2, 11), new DateOnly(2026, 2, 20), async jour =>
        {
            if (jour == new DateOnly(2026, 2, 15))
            {
                await DeclarerAsync(m, m.C1, janvier, 100); // X declares lot A between the reminders, not lot B
                await DeclarerAsync(m, m.C3, janvier, 100);
                await DeclarerAsync(m, m.C4, janvier, 100);
            }
        });

        var recus = _env.MailsRecus().Select(Resume).Where(r => r.A == "jean.dupont@bdv.fr").ToList();
        (string, string, string)[] attendus =
        [
            ("jean.dupont@bdv.fr", "Relance : heures d'insertion de janvier 2026 à déclarer", $"{LotA} | {LotB}"),
            ("jean.dupont@bdv.fr", "Seconde relance : heures d'insertion de janvier 2026 à déclarer", LotB),
        ];
        Assert.Equal(attendus.Order(), recus.Order()); // the SMTP server's list is not in arrival order
        Assert.DoesNotContain(_env.MailsRecus(), x => x.To.Mailboxes.Single().Address == "yves.martin@insertion-plus.fr" && (x.Subject ?? "").StartsWith("Seconde", StringComparison.Ordinal));
        var taches = await _env.PourAsync(m.Structure, (_, db) => db.TachesRelance.AsNoTracking().Select(t => t.LotId).ToListAsync());
        Assert.Equal([m.B], taches);
    }

    [Fact]
    public async Task La_base_refuse_une_seconde_relance_du_meme_contact_lot_mois_et_rang()
    {
        var m = await MondeAsync();
        await _env.PourAsync(m.Structure, async (_, db) =>
        {
            var entreprise = await db.Entreprises.Select(e => e.Id).FirstAsync();
            db.RelancesDeclaration.Add(RelanceDeclaration.Creer(m.Structure, entreprise, m.ContactSansEmail, m.A, new Mois(2026, 1), RangRelance.Premiere, "a@b.fr", _env.Horloge.GetUtcNow()));
            await db.SaveChangesAsync();
        });

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => _env.PourAsync(m.Structure, async (_, db) =>
        {
            var entreprise = await db.Entreprises.Select(e => e.Id).FirstAsync();
            db.RelancesDeclaration.Add(RelanceDeclaration.Creer(m.Structure, entreprise, m.ContactSansEmail, m.A, new Mois(2026, 1), RangRelance.Premiere, "a@b.fr", _env.Horloge.GetUtcNow()));
            await db.SaveChangesAsync();
        }));
        Assert.Contains("UNIQUE", ex.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relancer_deux_fois_le_meme_jour_n_envoie_rien_de_plus()
    {
        await MondeAsync();
        _env.Le(new DateOnly(2026, 2, 11));
        var premier = await _env.RelancerAsync();
        var second = await _env.RelancerAsync();

        Assert.Equal(3, premier.Single().Mails); // Jean, Marie (A, B) and Yves (C)
        Assert.Equal(5, premier.Single().Relances);
        Assert.Equal(0, second.Single().Mails);
        Assert.Equal(3, _env.MailsRecus().Count);
    }
}
