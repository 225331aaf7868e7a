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
}
