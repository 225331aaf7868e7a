using System.Globalization;
using System.Net;

namespace Clause.Infrastructure.Mail;

/// <summary>The French texts of Clause's mails, each in HTML and plain text.</summary>
public static class ModelesMail
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static MessageMail Invitation(string email, string nomComplet, string structure, string lien, DateTimeOffset expireLe)
    {
        var expiration = expireLe.ToString("dd/MM/yyyy", Fr);
        var sujet = "Votre accès à Clause";
        var texte = $"""
            Bonjour {nomComplet},

            Un compte Clause a été créé pour vous ({structure}).
            Pour choisir votre mot de passe, ouvrez ce lien avant le {expiration} :
            {lien}

            Si vous n'attendiez pas ce message, ignorez-le.

            Clause — suivi des clauses sociales d'insertion
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e">
            <p>Bonjour {WebUtility.HtmlEncode(nomComplet)},</p>
            <p>Un compte Clause a été créé pour vous ({WebUtility.HtmlEncode(structure)}).</p>
            <p><a href="{WebUtility.HtmlEncode(lien)}">Choisir mon mot de passe</a> (lien valable jusqu'au {expiration}).</p>
            <p>Si vous n'attendiez pas ce message, ignorez-le.</p>
            <p>Clause — suivi des clauses sociales d'insertion</p>
            </body></html>
            """;
        return new MessageMail(email, nomComplet, sujet, html, texte);
    }

    /// <summary>
    /// Issue 16 item 3: the link that lets an account choose a new password, valid one hour (the expiry is given to the
    /// minute, Paris time), single use. Asked from « Mot de passe oublié ? » or sent by an administrator / the Direction.
    /// </summary>
    public static MessageMail Reinitialisation(string email, string nomComplet, string lien, DateTimeOffset expireLe)
    {
        var expiration = expireLe.ToString("dd/MM/yyyy 'à' HH'h'mm", Fr);
        var sujet = "Choisir un nouveau mot de passe Clause";
        var texte = $"""
            Bonjour {nomComplet},

            Pour choisir un nouveau mot de passe Clause, ouvrez ce lien avant le {expiration} (il ne sert qu'une fois) :
            {lien}

            Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.

            Clause — suivi des clauses sociales d'insertion
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e">
            <p>Bonjour {WebUtility.HtmlEncode(nomComplet)},</p>
            <p><a href="{WebUtility.HtmlEncode(lien)}">Choisir un nouveau mot de passe</a> (lien valable jusqu'au {expiration}, une seule fois).</p>
            <p>Si vous n'avez rien demandé, ignorez ce message : votre mot de passe actuel reste valable.</p>
            <p>Clause — suivi des clauses sociales d'insertion</p>
            </body></html>
            """;
        return new MessageMail(email, nomComplet, sujet, html, texte);
    }

    /// <summary>
    /// Issue 9 item 5: the contact who submitted the month is told that the facilitateur rejected a line, with the
    /// reason and a link to the month page to correct it. The participant by name only (never a category).
    /// </summary>
    public static MessageMail RejetHeures(string email, string nomContact, string entreprise, string participant, string lot, string mois,
        string heures, string motif, string? lien)
    {
        var sujet = $"Heures de {mois} à corriger : {participant}";
        var texteLien = lien is null ? "Corrigez-la depuis le portail Clause, page « Heures »." : $"Pour la corriger, ouvrez :\n{lien}";
        var texte = $"""
            Bonjour {nomContact},

            Le facilitateur a rejeté une ligne de la déclaration d'heures de {entreprise} pour {mois} :
            {participant} — {lot} — {heures}.
            Motif : {motif}

            {texteLien}

            Clause — suivi des clauses sociales d'insertion
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e">
            <p>Bonjour {WebUtility.HtmlEncode(nomContact)},</p>
            <p>Le facilitateur a rejeté une ligne de la déclaration d'heures de {WebUtility.HtmlEncode(entreprise)} pour {WebUtility.HtmlEncode(mois)} :
            {WebUtility.HtmlEncode(participant)} — {WebUtility.HtmlEncode(lot)} — {WebUtility.HtmlEncode(heures)}.</p>
            <p>Motif : {WebUtility.HtmlEncode(motif)}</p>
            <p>{(lien is null ? "Corrigez-la depuis le portail Clause, page « Heures »." : $"<a href=\"{WebUtility.HtmlEncode(lien)}\">Corriger la ligne</a>")}</p>
            <p>Clause — suivi des clauses sociales d'insertion</p>
            </body></html>
            """;
        return new MessageMail(email, nomContact, sujet, html, texte);
    }
    /// <summary>
    /// Issue 12 item 3 (DOMAIN.md §7.7): a company contact is reminded that the hours of <paramref name="mois"/> are
    /// missing on the lots listed (all of its lots in execution with the month missing), with the deadline and the link
    /// to the portal page of that month. No participant is named.
    /// </summary>
    public static MessageMail RelanceDeclaration(string email, string nomContact, string entreprise, string mois, DateOnly echeance, bool seconde,
        IReadOnlyList<string> lots, string? lien)
    {
        ArgumentNullException.ThrowIfNull(lots);
        var date = echeance.ToString("dd/MM/yyyy", Fr);
        var sujet = seconde ? $"Seconde relance : heures d'insertion de {mois} à déclarer" : $"Relance : heures d'insertion de {mois} à déclarer";
        var intro = seconde
            ? $"Malgré une première relance, la déclaration des heures d'insertion de {entreprise} pour {mois} manque toujours, sur {(lots.Count == 1 ? "ce lot" : "ces lots")} :"
            : $"La déclaration des heures d'insertion de {entreprise} pour {mois}, attendue au plus tard le {date}, manque sur {(lots.Count == 1 ? "ce lot" : "ces lots")} :";
        var suite = seconde
            ? "Sans déclaration, le facilitateur de la clause sera amené à vous contacter ; une pénalité prévue au marché peut être proposée au donneur d'ordre."
            : "Si la déclaration vient d'être faite, ignorez ce message.";
        var texteLien = lien is null ? "Déclarez-les depuis le portail Clause, page « Heures »." : $"Pour déclarer ce mois, ouvrez :\n{lien}";
        var texte = $"""
            Bonjour {nomContact},

            {intro}
            {string.Join("\n", lots.Select(l => "- " + l))}

            {texteLien}

            {suite}

            Clause — suivi des clauses sociales d'insertion
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e">
            <p>Bonjour {WebUtility.HtmlEncode(nomContact)},</p>
            <p>{WebUtility.HtmlEncode(intro)}</p>
            <ul>{string.Concat(lots.Select(l => $"<li>{WebUtility.HtmlEncode(l)}</li>"))}</ul>
            <p>{(lien is null ? "Déclarez-les depuis le portail Clause, page « Heures »." : $"<a href=\"{WebUtility.HtmlEncode(lien)}\">Déclarer les heures de {WebUtility.HtmlEncode(mois)}</a>")}</p>
            <p>{WebUtility.HtmlEncode(suite)}</p>
            <p>Clause — suivi des clauses sociales d'insertion</p>
            </body></html>
            """;
        return new MessageMail(email, nomContact, sujet, html, texte);
    }

    /// <summary>
    /// Issue 12 item 4: a staff user's new alerts of the day, one line each with the page to act on (absolute links when
    /// the public address is configured). The texts never carry an eligibility category.
    /// </summary>
    public static MessageMail Alertes(string email, string nom, IReadOnlyList<(string Texte, string? Lien)> alertes)
    {
        ArgumentNullException.ThrowIfNull(alertes);
        var sujet = alertes.Count == 1 ? "Clause : 1 nouvelle alerte" : $"Clause : {alertes.Count} nouvelles alertes";
        var texte = $"""
            Bonjour {nom},

            {(alertes.Count == 1 ? "Une nouvelle alerte vous attend" : "De nouvelles alertes vous attendent")} sur votre page d'accueil :
            {string.Join("\n", alertes.Select(a => "- " + a.Texte + (a.Lien is null ? "" : " : " + a.Lien)))}

            Marquez chaque alerte « Traitée » sur l'accueil une fois le nécessaire fait.

            Clause — suivi des clauses sociales d'insertion
            """;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body style="font-family:Arial,sans-serif;color:#1e1e1e">
            <p>Bonjour {WebUtility.HtmlEncode(nom)},</p>
            <p>{(alertes.Count == 1 ? "Une nouvelle alerte vous attend" : "De nouvelles alertes vous attendent")} sur votre page d'accueil :</p>
            <ul>{string.Concat(alertes.Select(a => a.Lien is null ? $"<li>{WebUtility.HtmlEncode(a.Texte)}</li>" : $"<li><a href=\"{WebUtility.HtmlEncode(a.Lien)}\">{WebUtility.HtmlEncode(a.Texte)}</a></li>"))}</ul>
            <p>Marquez chaque alerte « Traitée » sur l'accueil une fois le nécessaire fait.</p>
            <p>Clause — suivi des clauses sociales d'insertion</p>
            </body></html>
            """;
        return new MessageMail(email, nom, sujet, html, texte);
    }
}
