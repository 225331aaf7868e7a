using System.Net;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Mail;
using Clause.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Bilans;

/// <summary>What a send is: a scope, a period and the chosen contacts of the scope's buyer.</summary>
public sealed record DemandeEnvoiBilan(PerimetreBilan Perimetre, PeriodeBilan Periode, IReadOnlyList<Guid> Contacts);

/// <summary>Who sends: a signed-in facilitateur, or a scheduled job (no id, its name).</summary>
public sealed record ExpediteurBilan(Guid? UtilisateurId, string Nom);

/// <summary>
/// Sending a bilan by mail to contacts of its buyer (issue 10 item 6, docs/domain.md « Envoi des bilans »). A send is a
/// function of (scope, period, recipients) — <see cref="EnvoyerAsync"/> takes nothing from a page — so the scheduled
/// monthly or quarterly sending calls it as it is. In one transaction: the bilan is computed
/// (<see cref="RequetesBilans.BilanAsync"/>), masked for the buyer (<see cref="ClasseurBilan.PourDonneurOrdre"/>, the
/// structure's threshold), written as a workbook (<see cref="ClasseurBilan"/>), one mail per recipient is deposited in the
/// outbox with the workbook attached and a short French summary as its body, and the send is recorded
/// (<see cref="EnvoiBilan"/>). Every refusal (a scope of the whole structure, a contact that is not the buyer's, a contact
/// without e-mail) comes in one pass before anything is written: nothing is sent nor recorded.
/// </summary>
public sealed class EnvoisBilans(ClauseDbContext db, RequetesBilans bilans, BoiteEnvoi boite, TimeProvider horloge)
{
    /// <summary>
    /// Sends and records; returns the journal's row, or null when the scope is not found in the current structure (404).
    /// Throws <see cref="RegleMetierException"/> (fields <c>perimetre</c>, <c>Destinataires</c>) when refused.
    /// </summary>
    public async Task<EnvoiBilan?> EnvoyerAsync(DemandeEnvoiBilan demande, ExpediteurBilan par, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(demande);
        ArgumentNullException.ThrowIfNull(par);
        if (demande.Perimetre.Perimetre == Perimetre.Structure)
            throw new RegleMetierException("perimetre", "Le bilan de toute la structure ne s'envoie pas à un donneur d'ordre : choisissez un lot, un marché, une opération ou un donneur d'ordre.");
        var donneurOrdre = await DonneurOrdreAsync(demande.Perimetre, annulation).ConfigureAwait(false);
        if (donneurOrdre is null) return null;

        var destinataires = await DestinatairesAsync(donneurOrdre.Value, demande.Contacts, annulation).ConfigureAwait(false);
        var bilan = await bilans.BilanAsync(demande.Perimetre, demande.Periode, annulation: annulation).ConfigureAwait(false);
        if (bilan is null) return null;

        var seuil = (await ReglagesDesStructures.PourAsync(db, db.Contexte.StructureId!.Value, annulation).ConfigureAwait(false)).SeuilConfidentialite;
        var maintenant = horloge.GetUtcNow();
        var pourAcheteur = ClasseurBilan.PourDonneurOrdre(bilan, seuil);
        var nomFichier = ClasseurBilan.NomFichier(pourAcheteur);
        var fichier = ClasseurBilan.Ecrire(pourAcheteur, seuil, DateOnly.FromDateTime(maintenant.UtcDateTime));

        var envoi = EnvoiBilan.Creer(db.Contexte.StructureId!.Value, donneurOrdre.Value, demande.Perimetre, bilan.Libelle, demande.Periode,
            destinataires.Select(d => (d.Nom, d.Email)).ToList(), nomFichier, par.UtilisateurId, par.Nom, maintenant);
        db.EnvoisBilans.Add(envoi);
        foreach (var destinataire in destinataires)
        {
            boite.Deposer(Mail(destinataire.Email, destinataire.Nom, pourAcheteur, par.Nom) with
            {
                PieceJointe = new PieceJointe(nomFichier, ClasseurBilan.TypeContenu, fichier),
            }, $"bilan:{envoi.Id:N}:{destinataire.Id:N}");
        }
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return envoi;
    }

    /// <summary>The buyer a scope lies within (null: no such record in the current structure).</summary>
    public async Task<DonneurOrdreId?> DonneurOrdreAsync(PerimetreBilan perimetre, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(perimetre);
        if (perimetre.Id is not { } id) return null;
        var requete = perimetre.Perimetre switch
        {
            Perimetre.Lot => db.Lots.Where(l => l.Id == LotId.De(id)).Select(l => (DonneurOrdreId?)l.Marche.DonneurOrdreId),
            Perimetre.Marche => db.Marches.Where(m => m.Id == MarcheId.De(id)).Select(m => (DonneurOrdreId?)m.DonneurOrdreId),
            Perimetre.Operation => db.Operations.Where(o => o.Id == OperationId.De(id)).Select(o => (DonneurOrdreId?)o.DonneurOrdreId),
            Perimetre.DonneurOrdre => db.DonneursOrdre.Where(d => d.Id == DonneurOrdreId.De(id)).Select(d => (DonneurOrdreId?)d.Id),
            _ => null,
        };
        return requete is null ? null : await requete.FirstOrDefaultAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>The buyer's contacts a send may go to: name, e-mail (null: cannot be chosen), role — by name.</summary>
    public async Task<IReadOnlyList<ContactDestinataire>> ContactsAsync(DonneurOrdreId donneurOrdre, CancellationToken annulation = default) =>
        await db.Set<ContactDonneurOrdre>().AsNoTracking()
            .Where(c => c.DonneurOrdreId == donneurOrdre)
            .OrderBy(c => c.Nom).ThenBy(c => c.Id)
            .Select(c => new ContactDestinataire(c.Id, c.Nom, c.Role, c.Email))
            .ToListAsync(annulation).ConfigureAwait(false);

    private async Task<IReadOnlyList<(Guid Id, string Nom, string Email)>> DestinatairesAsync(DonneurOrdreId donneurOrdre, IReadOnlyList<Guid> choisis,
        CancellationToken annulation)
    {
        var erreurs = new List<RegleMetierException>();
        var distincts = choisis.Distinct().ToList();
        if (distincts.Count == 0)
            erreurs.Add(new RegleMetierException("Destinataires", "Choisissez au moins un contact destinataire."));
        if (distincts.Count > EnvoiBilan.DestinatairesMax)
            erreurs.Add(new RegleMetierException("Destinataires", $"Choisissez au plus {EnvoiBilan.DestinatairesMax} destinataires."));
        var contacts = (await ContactsAsync(donneurOrdre, annulation).ConfigureAwait(false)).ToDictionary(c => c.Id);
        var retenus = new List<(Guid, string, string)>();
        foreach (var id in distincts)
        {
            if (!contacts.TryGetValue(id, out var contact))
                erreurs.Add(new RegleMetierException("Destinataires", "Un destinataire choisi n'est pas un contact de ce donneur d'ordre."));
            else if (string.IsNullOrWhiteSpace(contact.Email))
                erreurs.Add(new RegleMetierException("Destinataires",
                    $"Le contact {contact.Nom} n'a pas d'adresse e-mail (champ « E-mail » de sa fiche) : renseignez-la sur la fiche du donneur d'ordre ou ne le choisissez pas."));
            else retenus.Add((contact.Id, contact.Nom, contact.Email));
        }
        if (erreurs.Count > 0) throw RegleMetierException.Plusieurs(erreurs);
        return retenus;
    }

    /// <summary>The mail of a send: the figures in a few French lines, the workbook attached. Aggregates only.</summary>
    public static MessageMail Mail(string email, string nom, Bilan bilan, string expediteur)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        var sujet = $"Bilan de la clause d'insertion — {bilan.Libelle} — {bilan.Periode.Libelle}";
        var chiffres = new List<(string Libelle, string Valeur)>
        {
            ("Heures dues", bilan.HeuresDues.ToString()),
            ("Heures réalisées sur la période", bilan.Realisees.ToString()),
            ("Heures réalisées cumulées", bilan.Cumul.ToString()),
            ("Taux de réalisation", bilan.TauxRealisation?.ToString() ?? "—"),
            ("Participants", bilan.Participants.ToString(FormatFrancais.Culture)),
            ("Contrats", bilan.Contrats.ToString(FormatFrancais.Culture)),
            ("Entreprises", bilan.Entreprises.Total.ToString(FormatFrancais.Culture)),
        };
        var texte = $"""
            Bonjour {nom},

            Veuillez trouver ci-joint le bilan de la clause d'insertion pour {bilan.Libelle}, période {bilan.Periode.Libelle}.

            {string.Join("\n", chiffres.Select(c => $"{c.Libelle} : {c.Valeur}"))}

            Le détail (séries mensuelles, répartitions, profils des participants) figure dans le fichier Excel joint.

            {expediteur} — {bilan.Structure}
            Clause — suivi des clauses sociales d'insertion
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e">
            <p>Bonjour {WebUtility.HtmlEncode(nom)},</p>
            <p>Veuillez trouver ci-joint le bilan de la clause d'insertion pour {WebUtility.HtmlEncode(bilan.Libelle)}, période {WebUtility.HtmlEncode(bilan.Periode.Libelle)}.</p>
            <ul>{string.Concat(chiffres.Select(c => $"<li>{WebUtility.HtmlEncode(c.Libelle)} : {WebUtility.HtmlEncode(c.Valeur)}</li>"))}</ul>
            <p>Le détail (séries mensuelles, répartitions, profils des participants) figure dans le fichier Excel joint.</p>
            <p>{WebUtility.HtmlEncode(expediteur)} — {WebUtility.HtmlEncode(bilan.Structure)}<br>Clause — suivi des clauses sociales d'insertion</p>
            </body></html>
            """;
        return new MessageMail(email, nom, sujet, html, texte);
    }
}

/// <summary>A contact of the buyer as the send form lists it.</summary>
public sealed record ContactDestinataire(Guid Id, string Nom, RoleContactDonneurOrdre Role, string? Email);
