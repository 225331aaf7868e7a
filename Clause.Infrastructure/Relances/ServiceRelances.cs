using System.Security.Cryptography;
using System.Text;
using Clause.Domain.Commun;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Relances;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Clause.Infrastructure.Relances;

/// <summary>
/// What one structure's reminder run did (the job's result): mails deposited, reminder rows, tasks, and the contacts skipped
/// for want of an e-mail — by company name only (the run journal carries no person's name).
/// </summary>
public sealed record ResultatRelances(Mois? Mois, int Mails, int Relances, int Taches, IReadOnlyList<string> ContactsSansEmail, int Doublons)
{
    public static readonly ResultatRelances Rien = new(null, 0, 0, 0, [], 0);

    public string Resume => Mois is null
        ? "Aucune relance n'est due aujourd'hui."
        : $"{Mails} mail(s) de relance, {Relances} relance(s) de lot, {Taches} tâche(s) « relance infructueuse »"
          + (ContactsSansEmail.Count > 0
              ? " ; contacts sans e-mail ignorés : " + string.Join(", ", ContactsSansEmail.GroupBy(e => e).Select(g => $"{g.Key} ({g.Count()})"))
              : "")
          + (Doublons > 0 ? $" ; {Doublons} relance(s) déjà enregistrée(s) par une autre exécution" : "");
}

/// <summary>
/// The declaration reminders of the current structure (issue 12 item 3, DOMAIN.md §7.7), run once a day per structure
/// (<c>ParStructure</c>). For month M = the month before today (Europe/Paris): from the first reminder day of M+1, one
/// mail per company contact with an e-mail listing every lot in execution whose month M the company has still not
/// declared — the calendar's own rule, <see cref="CalendrierDeclaration.MoisADeclarer"/> over
/// <see cref="RequetesPortail.ContratsADeclarerAsync"/>, the same as the portal's home — with the link to the portal page
/// of M; from the second reminder day, the second reminder to the contacts who had the first, and a task « relance
/// infructueuse » per lot and company with the proposed penalty. A month declared in between is no longer missing: no
/// second reminder, no task. Each mail is saved with its reminder rows in one transaction with its outbox row; the unique
/// index (contact, lot, month, rank) refuses a second reminder even from a concurrent run.
/// </summary>
public sealed class ServiceRelances(ClauseDbContext db, RequetesPortail portail, RequetesHeures requetes, BoiteEnvoi boite, TimeProvider horloge,
    IConfiguration configuration)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public const string PagePortailMois = "/Portail/Heures/Mois/";

    public async Task<ResultatRelances> RelancerAsync(CancellationToken annulation = default)
    {
        var structureId = db.Contexte.StructureId ?? throw new InvalidOperationException("Les relances s'exécutent pour une structure (ParStructure).");
        var maintenant = horloge.GetUtcNow();
        var aujourdhui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(maintenant, Paris).DateTime);
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);
        if (CalendrierRelances.RangDu(aujourdhui, reglages) is not { } rangDuJour) return ResultatRelances.Rien;
        var mois = CalendrierRelances.MoisRelance(aujourdhui);

        var lots = await db.Lots.AsNoTracking()
            .Where(l => l.StructureId == structureId && l.Statut == StatutLot.EnExecution)
            .Select(l => new LotRelance(l.Id, l.Numero, l.Libelle, l.Marche.Numero, l.DebutExecution, l.FinExecution, l.MontantParHeureManquanteCentimes))
            .ToListAsync(annulation).ConfigureAwait(false);
        var parId = lots.ToDictionary(l => l.Id);
        var contrats = await portail.ContratsADeclarerAsync(parId.Keys, null, annulation).ConfigureAwait(false);
        // (company, lot) pairs whose month M is still missing — the portal's rule, evaluated today.
        var manquants = contrats
            .Where(g => CalendrierDeclaration.MoisADeclarer(new Periode(parId[g.Key.Lot].DebutExecution, parId[g.Key.Lot].FinExecution), g, reglages, aujourdhui)
                .Any(m => m.Mois == mois))
            .Select(g => g.Key)
            .ToList();
        if (manquants.Count == 0) return new ResultatRelances(mois, 0, 0, 0, [], 0);

        var entreprises = manquants.Select(m => m.Employeur).Distinct().ToList();
        var contacts = await db.Set<ContactEntreprise>().AsNoTracking()
            .Where(c => c.StructureId == structureId && entreprises.Contains(c.EntrepriseId))
            .OrderBy(c => c.Nom).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.EntrepriseId, c.Nom, c.Email })
            .ToListAsync(annulation).ConfigureAwait(false);
        var raisons = await db.Entreprises.AsNoTracking()
            .Where(e => e.StructureId == structureId && entreprises.Contains(e.Id))
            .Select(e => new { e.Id, e.RaisonSociale })
            .ToDictionaryAsync(e => e.Id, e => e.RaisonSociale, annulation).ConfigureAwait(false);
        var dejaEnvoyees = (await db.RelancesDeclaration.AsNoTracking()
                .Where(r => r.StructureId == structureId && r.Mois == mois)
                .Select(r => new { r.ContactId, r.LotId, r.Rang })
                .ToListAsync(annulation).ConfigureAwait(false))
            .Select(r => (r.ContactId, r.LotId, r.Rang)).ToHashSet();

        var lien = Lien(mois);
        var sansEmail = new List<string>();
        int mails = 0, relances = 0, doublons = 0;
        foreach (var contact in contacts)
        {
            if (string.IsNullOrWhiteSpace(contact.Email))
            {
                sansEmail.Add(raisons.GetValueOrDefault(contact.EntrepriseId) ?? string.Empty);
                continue;
            }
            // Per lot: the first reminder if it has not gone yet; the second, on its day, to whoever had the first.
            var aRelancer = manquants.Where(m => m.Employeur == contact.EntrepriseId)
                .Select(m => parId[m.Lot])
                .Select(l => (Lot: l, Rang: !dejaEnvoyees.Contains((contact.Id, l.Id, RangRelance.Premiere))
                    ? RangRelance.Premiere
                    : rangDuJour == RangRelance.Seconde && !dejaEnvoyees.Contains((contact.Id, l.Id, RangRelance.Seconde)) ? RangRelance.Seconde : (RangRelance?)null))
                .Where(x => x.Rang is not null)
                .GroupBy(x => x.Rang!.Value);
            foreach (var groupe in aRelancer)
            {
                var lotsDuMail = groupe.Select(x => x.Lot).OrderBy(l => l.Marche, StringComparer.Ordinal).ThenBy(l => l.Numero).ToList();
                foreach (var lot in lotsDuMail)
                    db.RelancesDeclaration.Add(RelanceDeclaration.Creer(structureId, contact.EntrepriseId, contact.Id, lot.Id, mois, groupe.Key, contact.Email, maintenant));
                boite.Deposer(ModelesMail.RelanceDeclaration(contact.Email, contact.Nom, raisons.GetValueOrDefault(contact.EntrepriseId) ?? string.Empty,
                        AccesMois.Texte(mois), CalendrierDeclaration.Echeance(mois, reglages), groupe.Key == RangRelance.Seconde,
                        lotsDuMail.Select(l => l.Nom).ToList(), lien),
                    Cle(contact.Id, mois, groupe.Key, lotsDuMail.Select(l => l.Id)));
                if (await EnregistrerAsync(annulation).ConfigureAwait(false))
                {
                    mails++;
                    relances += lotsDuMail.Count;
                }
                else doublons += lotsDuMail.Count;
            }
        }

        var taches = rangDuJour == RangRelance.Seconde ? await CreerTachesAsync(structureId, mois, manquants, parId, maintenant, annulation).ConfigureAwait(false) : 0;
        return new ResultatRelances(mois, mails, relances, taches, sansEmail, doublons);
    }

    /// <summary>
    /// After the second reminder (§7.7): one task per lot and company still missing the month, with the lot's figures (the
    /// lot page's, RequetesHeures) and the proposed penalty when the lot's CCAP rate is set. The unique index
    /// (lot, company, month) keeps it to one, whatever the number of runs.
    /// </summary>
    private async Task<int> CreerTachesAsync(StructureId structureId, Mois mois, IReadOnlyList<(EntrepriseId Employeur, LotId Lot)> manquants,
        IReadOnlyDictionary<LotId, LotRelance> lots, DateTimeOffset maintenant, CancellationToken annulation)
    {
        var existantes = (await db.TachesRelance.AsNoTracking()
                .Where(t => t.StructureId == structureId && t.Mois == mois)
                .Select(t => new { t.LotId, t.EntrepriseId })
                .ToListAsync(annulation).ConfigureAwait(false))
            .Select(t => (t.EntrepriseId, t.LotId)).ToHashSet();
        var nouvelles = manquants.Where(m => !existantes.Contains((m.Employeur, m.Lot))).ToList();
        if (nouvelles.Count == 0) return 0;
        var bilans = await requetes.BilansAsync(nouvelles.Select(m => m.Lot).Distinct().ToList(), annulation).ConfigureAwait(false);
        foreach (var (employeur, lotId) in nouvelles)
        {
            var bilan = bilans.TryGetValue(lotId, out var b) ? b : BilanHeures.Vide;
            db.TachesRelance.Add(TacheRelance.Creer(structureId, lotId, employeur, mois, bilan.Dues, bilan.Realisees,
                lots[lotId].MontantParHeureManquanteCentimes is { } taux ? new Montant(taux) : null, maintenant));
        }
        return await EnregistrerAsync(annulation).ConfigureAwait(false) ? nouvelles.Count : 0;
    }

    /// <summary>Saves; false when a unique index refused the rows (another run wrote them first): nothing of this save is kept.</summary>
    private async Task<bool> EnregistrerAsync(CancellationToken annulation)
    {
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // The mail's outbox row and its reminder rows were one transaction: all refused together. Forget them.
            foreach (var entree in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                entree.State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>The portal page of the month, absolute from Administration:UrlPublique (a job has no request); null without it.</summary>
    private string? Lien(Mois mois)
    {
        var urlPublique = configuration["Administration:UrlPublique"];
        return string.IsNullOrWhiteSpace(urlPublique) ? null : new Uri(new Uri(urlPublique), PagePortailMois + AccesMois.Code(mois)).ToString();
    }

    /// <summary>The outbox key: the contact, the month, the rank and the lots listed (a lot added later is another mail).</summary>
    public static string Cle(Guid contactId, Mois mois, RangRelance rang, IEnumerable<LotId> lots)
    {
        var empreinte = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', lots.Select(l => l.Valeur.ToString("N")).Order(StringComparer.Ordinal)))));
        return $"relance:{contactId:N}:{mois.Code}:{(int)rang}:{empreinte[..16]}";
    }

    private sealed record LotRelance(LotId Id, int Numero, string Libelle, string Marche, DateOnly DebutExecution, DateOnly FinExecution, long? MontantParHeureManquanteCentimes)
    {
        public string Nom => $"Marché {Marche}, lot {Numero} — {Libelle}";
    }
}

/// <summary>Months as the mails write them: « mars 2026 », and « 2026-03 » in the portal's address.</summary>
public static class AccesMois
{
    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string Texte(Mois mois) => mois.Premier.ToString("MMMM yyyy", Fr);

    public static string Code(Mois mois) => $"{mois.Annee:D4}-{mois.Numero:D2}";
}
