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
}
