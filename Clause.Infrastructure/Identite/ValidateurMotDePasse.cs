using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Clause.Infrastructure.Identite;

/// <summary>
/// Clause's password rules beyond Identity's length and variety (issue 16 item 5, CNIL 2022-100): registered once as an
/// Identity <see cref="IPasswordValidator{TUser}"/>, so the invitation, the change on « Mon compte » and the reset all
/// apply it. A password is refused when it is longer than <see cref="LongueurMax"/>, when it contains the local part of
/// the account's e-mail or a part of the person's name (parts of at least <see cref="LongueurPartieMin"/> letters,
/// compared without case or accents), or when it is one of the common passwords shipped with the app
/// (<c>MotsDePasseCourants.txt</c>, embedded). No periodic change is ever asked.
/// </summary>
public sealed class ValidateurMotDePasse : IPasswordValidator<Utilisateur>
{
    public const int LongueurMax = 128;

    public const int LongueurPartieMin = 3;

    public const string CodeTropLong = "PasswordTooLong";
    public const string CodeIdentite = "PasswordContainsIdentity";
    public const string CodeCourant = "PasswordTooCommon";

    public static readonly string MessageTropLong = $"Le mot de passe ne doit pas dépasser {LongueurMax} caractères.";
    public const string MessageIdentite = "Le mot de passe ne doit contenir ni votre nom ni votre adresse e-mail.";
    public const string MessageCourant = "Ce mot de passe est trop courant : choisissez-en un autre, une phrase facile à retenir par exemple.";

    private static readonly Lazy<HashSet<string>> Courants = new(Charger);

    public Task<IdentityResult> ValidateAsync(UserManager<Utilisateur> manager, Utilisateur user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var erreurs = Erreurs(password ?? string.Empty, user.Email, user.NomComplet).ToArray();
        return Task.FromResult(erreurs.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(erreurs));
    }

    /// <summary>Every rule the password breaks (all at once), the long-password one alone: nothing else is judged past it.</summary>
    public static IEnumerable<IdentityError> Erreurs(string motDePasse, string? email, string? nom)
    {
        ArgumentNullException.ThrowIfNull(motDePasse);
        if (motDePasse.Length > LongueurMax)
        {
            yield return new IdentityError { Code = CodeTropLong, Description = MessageTropLong };
            yield break;
        }
        var normalise = Normaliser(motDePasse);
        if (PartiesIdentite(email, nom).Any(p => normalise.Contains(p, StringComparison.Ordinal)))
            yield return new IdentityError { Code = CodeIdentite, Description = MessageIdentite };
        if (Courants.Value.Contains(normalise.Trim()))
            yield return new IdentityError { Code = CodeCourant, Description = MessageCourant };
    }

    /// <summary>The local part of the e-mail, whole and cut at its separators, and the words of the name, normalised.</summary>
    internal static IEnumerable<string> PartiesIdentite(string? email, string? nom)
    {
        var local = email is { } e && e.IndexOf('@', StringComparison.Ordinal) is var a and > 0 ? e[..a] : email ?? string.Empty;
        return new[] { local }
            .Concat(Mots(local))
            .Concat(Mots(nom ?? string.Empty))
            .Select(Normaliser)
            .Where(p => p.Length >= LongueurPartieMin)
            .Distinct(StringComparer.Ordinal);
    }

    private static string[] Mots(string texte) =>
        texte.Split([' ', '.', '-', '_', '+', '\'', '’', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Lower case without accents (« Hélène » → « helene »), so that a capital or an accent does not pass the rules.</summary>
    public static string Normaliser(string texte)
    {
        ArgumentNullException.ThrowIfNull(texte);
        var decompose = texte.Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        foreach (var c in decompose)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) resultat.Append(char.ToLowerInvariant(c));
        return resultat.ToString().Normalize(NormalizationForm.FormC);
    }

    private static HashSet<string> Charger()
    {
        using var flux = typeof(ValidateurMotDePasse).Assembly.GetManifestResourceStream("Clause.Infrastructure.Identite.MotsDePasseCourants.txt")
            ?? throw new InvalidOperationException("Liste des mots de passe courants absente de l'assemblage.");
        using var lecteur = new StreamReader(flux, Encoding.UTF8);
        var mots = new HashSet<string>(StringComparer.Ordinal);
        while (lecteur.ReadLine() is { } ligne)
            if (ligne.Length > 0 && !ligne.StartsWith('#')) mots.Add(Normaliser(ligne.Trim()));
        return mots;
    }
}
