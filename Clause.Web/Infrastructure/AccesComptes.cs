using Clause.Infrastructure.Identite;

namespace Clause.Web.Infrastructure;

/// <summary>
/// When staff may send an account a new invitation or a reset link (issue 16 item 3), and what the pages say — one place
/// for the administration's pages and the Direction's. An invitation goes to an active account that never chose a
/// password; a reset link to an active account that has one. Both mails go to the outbox: the pages say so (« est parti
/// dans la boîte d'envoi »), never that the mail « a été envoyé ».
/// </summary>
public static class AccesComptes
{
    public const string ExplicationInvitation = "Un nouveau lien, valable 7 jours, sera envoyé par e-mail ; les liens envoyés auparavant ne fonctionneront plus.";

    public const string ExplicationReinitialisation = "Un lien pour choisir un nouveau mot de passe, valable 1 heure et une seule fois, sera envoyé par e-mail. "
        + "Le mot de passe actuel reste valable tant que la personne n'en a pas choisi un autre ; ce choix fermera toutes ses sessions.";

    public static bool AttendInvitation(Utilisateur compte)
    {
        ArgumentNullException.ThrowIfNull(compte);
        return compte.InvitationAccepteeLe is null && compte.PasswordHash is null;
    }

    public static string? RefusInvitation(Utilisateur compte) =>
        !compte.Actif || !AttendInvitation(compte) ? "Ce compte n'attend pas d'invitation : il est désactivé ou son mot de passe est déjà choisi." : null;

    public static string? RefusReinitialisation(Utilisateur compte)
    {
        ArgumentNullException.ThrowIfNull(compte);
        return !compte.Actif || compte.PasswordHash is null
            ? "Ce compte ne peut pas recevoir de lien de réinitialisation : il est désactivé ou n'a pas encore de mot de passe (renvoyez l'invitation)."
            : null;
    }

    public static string SuccesInvitation(Utilisateur compte) =>
        $"Une nouvelle invitation pour {compte.Email} est partie dans la boîte d'envoi : l'e-mail, avec un lien valable 7 jours, sera envoyé dans quelques minutes.";

    public static string SuccesReinitialisation(Utilisateur compte) =>
        $"Un lien de réinitialisation pour {compte.Email} est parti dans la boîte d'envoi : l'e-mail, avec un lien valable 1 heure, sera envoyé dans quelques minutes.";
}
