using System.Globalization;
using Clause.Domain.Alertes;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Clause.Infrastructure.Relances;

/// <summary>What one structure's alert run did: the new alerts by nature and the mails deposited.</summary>
public sealed record ResultatAlertes(int FinsContrat, int Fenetres, int LotsEnRetard, int EmploisDurables, int Mails)
{
    public int Total => FinsContrat + Fenetres + LotsEnRetard + EmploisDurables;

    public string Resume =>
        $"{Total} alerte(s) : {FinsContrat} fin(s) de contrat, {Fenetres} fenêtre(s) d'éligibilité, {LotsEnRetard} lot(s) en retard, "
        + $"{EmploisDurables} emploi(s) durable(s) ; {Mails} mail(s)";
}

/// <summary>
/// The alerts of the current structure (issue 12 item 4), run once a day per structure (<c>ParStructure</c>):
/// a validated contrat still running whose planned end is within 30 days → the structure's facilitateurs and the
/// participant's référent; the eligibility window of a participant's latest decision closing within 60 days → the same;
/// a lot in execution whose realised hours are below the réglage <c>SeuilRetardLotPdb</c> (80 %) of the straight target
/// line at the end of the last complete month, or whose forecast projection (§21) is below that share of its hours due
/// → the facilitateurs (one alert per lot and month, whichever clause); a lasting job (CDI, or CDD of 6 months or more)
/// reaching <c>DelaiSortieEmploiDurableMois</c> months → the référent (§10: prompt to validate the « emploi durable »
/// sortie). Each alert is one row per recipient, written once (unique index on nature, subject, date and recipient), and
/// each recipient receives one mail listing their new alerts, deposited in the outbox in the same transaction.
/// </summary>
public sealed class ServiceAlertes(ClauseDbContext db, RequetesHeures requetes, BoiteEnvoi boite, TimeProvider horloge, IConfiguration configuration)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private sealed record Candidate(NatureAlerte Nature, Guid SujetId, DateOnly Echeance, Guid Destinataire, string Texte, string Lien);

    public async Task<ResultatAlertes> AlerterAsync(CancellationToken annulation = default)
    {
        var structureId = db.Contexte.StructureId ?? throw new InvalidOperationException("Les alertes s'exécutent pour une structure (ParStructure).");
        var maintenant = horloge.GetUtcNow();
        var aujourdhui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(maintenant, Paris).DateTime);
        var reglages = await ReglagesDesStructures.PourAsync(db, structureId, annulation).ConfigureAwait(false);

        var facilitateurs = await (from u in db.Users.AsNoTracking()
                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where u.StructureId == structureId && u.Actif && r.Name == Roles.Facilitateur
                                   select u.Id).ToListAsync(annulation).ConfigureAwait(false);
        var referents = (await (from u in db.Users.AsNoTracking()
                                join ur in db.UserRoles on u.Id equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where u.StructureId == structureId && u.Actif && r.Name == Roles.Referent
                                select u.Id).ToListAsync(annulation).ConfigureAwait(false)).ToHashSet();
        IEnumerable<Guid> Referent(Guid? id) => id is { } r && referents.Contains(r) ? [r] : [];

        var candidates = new List<Candidate>();

        // 1. Contrats ending within 30 days (validated, no actual end yet).
        var limiteContrats = aujourdhui.AddDays(ReglesAlertes.JoursFinContrat);
        var finissant = await (from c in db.Contrats.AsNoTracking()
                               join p in db.Participants on c.ParticipantId equals p.Id
                               join l in db.Lots on c.LotId equals l.Id
                               join e in db.Entreprises on c.EmployeurId equals e.Id
                               where c.StructureId == structureId && c.Statut == StatutContrat.Valide && c.FinReelle == null
                                     && c.FinPrevue >= aujourdhui && c.FinPrevue <= limiteContrats
                               select new { c.Id, c.FinPrevue, p.Prenom, p.Nom, p.ReferentId, LotNumero = l.Numero, LotLibelle = l.Libelle, e.RaisonSociale })
            .ToListAsync(annulation).ConfigureAwait(false);
        foreach (var c in finissant)
        {
            var texte = $"Le contrat de {c.Prenom} {c.Nom} (lot {c.LotNumero} — {c.LotLibelle}, {c.RaisonSociale}) finit le {Date(c.FinPrevue!.Value)}.";
            foreach (var destinataire in facilitateurs.Concat(Referent(c.ReferentId)).Distinct())
                candidates.Add(new Candidate(NatureAlerte.FinContrat, c.Id.Valeur, c.FinPrevue.Value, destinataire, texte, $"/Contrats/Details/{c.Id}"));
        }

        // 2. Windows of the latest decision closing within 60 days (DecisionEligibilite.FinFenetre, the one definition).
        var fenetreMois = reglages.FenetreEligibiliteMois;
        if (DecisionEligibilite.ValidationsDontLaFenetreFermeEntre(aujourdhui, aujourdhui.AddDays(ReglesAlertes.JoursFenetre), fenetreMois) is { } validees)
        {
            var decisions = await (from d in db.DecisionsEligibilite.AsNoTracking()
                                   join p in db.Participants on d.ParticipantId equals p.Id
                                   where d.StructureId == structureId && d.DateValidation >= validees.Debut && d.DateValidation <= validees.Fin
                                         && !db.DecisionsEligibilite.Any(autre => autre.ParticipantId == d.ParticipantId && autre.DateValidation > d.DateValidation)
                                   select new { p.Id, p.Prenom, p.Nom, p.ReferentId, d.DateValidation })
                .ToListAsync(annulation).ConfigureAwait(false);
            foreach (var d in decisions)
            {
                var fermeture = DecisionEligibilite.FinFenetre(d.DateValidation, fenetreMois);
                var texte = $"La fenêtre d'éligibilité de {d.Prenom} {d.Nom} ferme le {Date(fermeture)} : un contrat qui commence après ne comptera pas sans renouvellement.";
                foreach (var f in facilitateurs)
                    candidates.Add(new Candidate(NatureAlerte.FenetreEligibilite, d.Id.Valeur, fermeture, f, texte, $"/Participants/Eligibilite/{d.Id}"));
                foreach (var r in Referent(d.ReferentId).Where(r => !facilitateurs.Contains(r)))
                    candidates.Add(new Candidate(NatureAlerte.FenetreEligibilite, d.Id.Valeur, fermeture, r, texte, $"/Participants/Details/{d.Id}"));
            }
        }

        // 3. Lots behind schedule: realised under the réglage's share of the straight target line at the end of the last
        //    complete month, or the forecast's projection (RequetesHeures.PrevisionsAsync, §21) under that share of the
        //    hours due. One alert per lot and month checked whichever clause (or both) holds.
        var moisVerifie = ReglesAlertes.MoisVerifie(aujourdhui);
        var lotsEnCours = RetardsLots.Candidats(db.Lots.Where(l => l.StructureId == structureId), moisVerifie);
        var lots = await lotsEnCours.AsNoTracking()
            .Select(l => new { l.Id, l.Numero, l.Libelle, Marche = l.Marche.Numero, l.DebutExecution, l.FinExecution, l.HeuresDuesMinutes })
            .ToListAsync(annulation).ConfigureAwait(false);
        if (lots.Count > 0 && facilitateurs.Count > 0)
        {
            var retards = await RetardsLots.EvaluerAsync(requetes, lotsEnCours, aujourdhui, reglages.SeuilRetardLotPdb, annulation).ConfigureAwait(false);
            var seuil = new Taux(reglages.SeuilRetardLotPdb);
            foreach (var l in lots)
            {
                if (!retards.TryGetValue(l.Id, out var retard) || !retard.EnRetard) continue;
                var (realisees, cible, prevision, sousCible, sousPrevision) = (retard.Realisees, retard.Cible, retard.Prevision, retard.SousCible, retard.SousPrevision);
                var lot = $"Le lot {l.Numero} — {l.Libelle} (marché {l.Marche})";
                var rythme = sousPrevision
                    ? $"à ce rythme : {prevision!.ProjectionFin} à la fin ({prevision.TauxProjete}) pour {new Duree(l.HeuresDuesMinutes)} dues"
                    : null;
                string texte;
                if (sousCible)
                {
                    var part = new Taux((int)FormatFrancais.DiviserArrondi(realisees.Minutes * Taux.Cent, cible.Minutes));
                    texte = $"{lot} est en retard : {realisees} réalisées pour une cible de {cible} fin {AccesMois.Texte(moisVerifie)} ({part} de la cible, seuil {seuil})."
                        + (rythme is null ? string.Empty : $" {char.ToUpperInvariant(rythme[0])}{rythme[1..]}.");
                }
                else texte = $"{lot} est en retard sur sa prévision : {rythme} (seuil {seuil}).";
                foreach (var f in facilitateurs)
                    candidates.Add(new Candidate(NatureAlerte.LotEnRetard, l.Id.Valeur, moisVerifie.Dernier, f, Tronquer(texte, Alerte.TexteLongueurMax), $"/Lots/Details/{l.Id}"));
            }
        }

        // 4. Lasting jobs reaching the réglage's months (§10), still running then; prompted for 30 days after the date.
        var delai = reglages.DelaiSortieEmploiDurableMois;
        var debutAuPlusTot = aujourdhui.AddDays(-ReglesAlertes.JoursRattrapageEmploiDurable).AddMonths(-delai).AddDays(-3);
        var debutAuPlusTard = aujourdhui.AddMonths(-delai).AddDays(3);
        var durables = await (from c in db.Contrats.AsNoTracking()
                              join p in db.Participants on c.ParticipantId equals p.Id
                              join e in db.Entreprises on c.EmployeurId equals e.Id
                              where c.StructureId == structureId && c.Statut == StatutContrat.Valide && p.ReferentId != null
                                    && c.DateDebut >= debutAuPlusTot && c.DateDebut <= debutAuPlusTard
                                    && (c.TypeContrat == TypeContrat.CDI || c.TypeContrat == TypeContrat.CDIInclusion
                                        || c.TypeContrat == TypeContrat.CDD || c.TypeContrat == TypeContrat.CDDChantier)
                              select new { c.Id, c.TypeContrat, c.DateDebut, c.FinPrevue, c.FinReelle, ParticipantId = p.Id, p.Prenom, p.Nom, p.ReferentId, e.RaisonSociale })
            .ToListAsync(annulation).ConfigureAwait(false);
        foreach (var c in durables)
        {
            if (!ReglesAlertes.EstEmploiDurable(c.TypeContrat, c.DateDebut, c.FinPrevue)) continue;
            var date = ReglesAlertes.DateEmploiDurable(c.DateDebut, delai);
            if (date > aujourdhui || date < aujourdhui.AddDays(-ReglesAlertes.JoursRattrapageEmploiDurable)) continue;
            if (c.FinReelle is { } fin && fin < date) continue;
            var texte = $"{c.Prenom} {c.Nom} est depuis {delai} mois en emploi durable ({c.TypeContrat.Libelle()} chez {c.RaisonSociale}, depuis le {Date(c.DateDebut)}) : "
                + "la sortie « emploi durable » de son parcours peut être validée.";
            foreach (var r in Referent(c.ReferentId))
                candidates.Add(new Candidate(NatureAlerte.EmploiDurable, c.Id.Valeur, date, r, texte, $"/Participants/Details/{c.ParticipantId}"));
        }

        // Each alert once: the rows already written (the unique index is the rule; this read only avoids a refused save).
        var depuis = aujourdhui.AddDays(-ReglesAlertes.JoursRattrapageEmploiDurable - 31);
        var existantes = (await db.Alertes.AsNoTracking()
                .Where(a => a.StructureId == structureId && a.Echeance >= depuis)
                .Select(a => new { a.Nature, a.SujetId, a.Echeance, a.DestinataireId })
                .ToListAsync(annulation).ConfigureAwait(false))
            .Select(a => (a.Nature, a.SujetId, a.Echeance, a.DestinataireId)).ToHashSet();
        var nouvelles = candidates
            .Where(c => existantes.Add((c.Nature, c.SujetId, c.Echeance, c.Destinataire)))
            .Select(c => Alerte.Creer(structureId, c.Nature, c.SujetId, c.Echeance, c.Destinataire, c.Texte, c.Lien, maintenant))
            .ToList();
        if (nouvelles.Count == 0) return new ResultatAlertes(0, 0, 0, 0, 0);
        db.Alertes.AddRange(nouvelles);

        var destinataires = nouvelles.Select(a => a.DestinataireId).Distinct().ToList();
        var comptes = await db.Users.AsNoTracking().Where(u => destinataires.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.NomComplet }).ToListAsync(annulation).ConfigureAwait(false);
        var urlPublique = configuration["Administration:UrlPublique"];
        var mails = 0;
        foreach (var compte in comptes.Where(c => !string.IsNullOrWhiteSpace(c.Email)))
        {
            var siennes = nouvelles.Where(a => a.DestinataireId == compte.Id).OrderBy(a => a.Nature).ThenBy(a => a.Echeance).ToList();
            boite.Deposer(ModelesMail.Alertes(compte.Email!, compte.NomComplet,
                    siennes.Select(a => (a.Texte, string.IsNullOrWhiteSpace(urlPublique) ? (string?)null : new Uri(new Uri(urlPublique), a.Lien).ToString())).ToList()),
                $"alertes:{compte.Id:N}:{siennes[0].Id:N}");
            mails++;
        }
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // A concurrent run wrote some of them first: nothing of this run is kept; the next run writes what is left.
            foreach (var entree in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
                entree.State = EntityState.Detached;
            return new ResultatAlertes(0, 0, 0, 0, 0);
        }
        int Compter(NatureAlerte n) => nouvelles.Where(a => a.Nature == n).Select(a => (a.SujetId, a.Echeance)).Distinct().Count();
        return new ResultatAlertes(Compter(NatureAlerte.FinContrat), Compter(NatureAlerte.FenetreEligibilite), Compter(NatureAlerte.LotEnRetard),
            Compter(NatureAlerte.EmploiDurable), mails);
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Fr);

    private static string Tronquer(string texte, int longueur) => texte.Length <= longueur ? texte : texte[..(longueur - 1)] + "…";
}
