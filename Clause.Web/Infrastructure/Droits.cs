using System.Security.Claims;
using Clause.Domain.Securite;
using Clause.Infrastructure.Identite;
using Microsoft.AspNetCore.Authorization;

namespace Clause.Web.Infrastructure;

/// <summary>
/// The one answer to "may this user do X here" (DOMAIN.md §11). Each policy's role meaning is written once in
/// <see cref="Regles"/>: <see cref="DeclarerPolitiques"/> builds the ASP.NET Core policies from it (what the folder
/// convention enforces) and <see cref="Peut"/> answers views and page models from the same lines, so a menu link and
/// the page behind it cannot disagree. This is the only place that reads a user's roles.
/// </summary>
public static class Droits
{
    /// <summary>Who holds a policy: one of these roles, and (for staff of a structure) the structure claim.</summary>
    private sealed record Regle(IReadOnlyList<string> Roles, bool AvecStructure, bool AvecEntreprise = false, bool AvecDonneurOrdre = false);

    private static readonly Dictionary<string, Regle> Regles = new(StringComparer.Ordinal)
    {
        [Politiques.Administration] = new([Roles.Administrateur], AvecStructure: false),
        [Politiques.LectureClause] = new([Roles.Direction, Roles.Facilitateur], AvecStructure: true),
        [Politiques.GestionClause] = new([Roles.Facilitateur], AvecStructure: true),
        [Politiques.LectureParticipants] = new([Roles.Direction, Roles.Facilitateur, Roles.Referent], AvecStructure: true),
        [Politiques.GestionParcours] = new([Roles.Referent], AvecStructure: true),
        [Politiques.Reglages] = new([Roles.Direction, Roles.Facilitateur], AvecStructure: true),
        [Politiques.Direction] = new([Roles.Direction], AvecStructure: true),
        [Politiques.LectureLots] = new([Roles.Direction, Roles.Facilitateur, Roles.Entreprise, Roles.DonneurOrdre], AvecStructure: true),
        [Politiques.PortailEntreprise] = new([Roles.Entreprise], AvecStructure: true, AvecEntreprise: true),
        [Politiques.LectureBilans] = new([Roles.Direction, Roles.Facilitateur, Roles.DonneurOrdre], AvecStructure: true),
        [Politiques.PortailAcheteur] = new([Roles.DonneurOrdre], AvecStructure: true, AvecDonneurOrdre: true),
        [Politiques.LectureDeclarations] = new([Roles.Direction, Roles.Facilitateur, Roles.Entreprise], AvecStructure: true),
        [Politiques.DeclarationHeures] = new([Roles.Facilitateur, Roles.Entreprise], AvecStructure: true),
        [Politiques.Candidatures] = new([Roles.Facilitateur, Roles.Referent], AvecStructure: true),
        [Politiques.Import] = new([Roles.Direction, Roles.Facilitateur], AvecStructure: true),
    };

    /// <summary>True when <paramref name="utilisateur"/> satisfies <paramref name="politique"/> (a <see cref="Politiques"/> name).</summary>
    public static bool Peut(ClaimsPrincipal utilisateur, string politique)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        if (politique == Politiques.Anonyme) return true;
        if (utilisateur.Identity?.IsAuthenticated != true) return false;
        if (politique == Politiques.Connecte) return true;
        if (!Regles.TryGetValue(politique, out var regle))
            throw new ArgumentException($"Politique inconnue : « {politique} ».", nameof(politique));
        return regle.Roles.Any(utilisateur.IsInRole)
            && (!regle.AvecStructure || utilisateur.HasClaim(c => c.Type == RevendicationsClause.StructureId))
            && (!regle.AvecEntreprise || utilisateur.HasClaim(c => c.Type == RevendicationsClause.EntrepriseId))
            && (!regle.AvecDonneurOrdre || utilisateur.HasClaim(c => c.Type == RevendicationsClause.DonneurOrdreId));
    }

    /// <summary>The user's role (the first of DOMAIN.md §11's list he or she holds), for display; null when none.</summary>
    public static string? Role(ClaimsPrincipal utilisateur)
    {
        ArgumentNullException.ThrowIfNull(utilisateur);
        return Roles.Tous.FirstOrDefault(utilisateur.IsInRole);
    }

    /// <summary>Registers every policy of <see cref="Regles"/>, plus <see cref="Politiques.Connecte"/>.</summary>
    public static AuthorizationBuilder DeclarerPolitiques(this AuthorizationBuilder constructeur)
    {
        ArgumentNullException.ThrowIfNull(constructeur);
        constructeur.AddPolicy(Politiques.Connecte, p => p.RequireAuthenticatedUser());
        foreach (var (nom, regle) in Regles)
            constructeur.AddPolicy(nom, p =>
            {
                p.RequireRole(regle.Roles);
                if (regle.AvecStructure) p.RequireClaim(RevendicationsClause.StructureId);
                if (regle.AvecEntreprise) p.RequireClaim(RevendicationsClause.EntrepriseId);
                if (regle.AvecDonneurOrdre) p.RequireClaim(RevendicationsClause.DonneurOrdreId);
            });
        return constructeur;
    }
}

public static class Politiques
{
    /// <summary>Not a registered policy: the folder convention lets anyone in (sign-in, invitation).</summary>
    public const string Anonyme = nameof(Anonyme);

    /// <summary>Any signed-in user, whatever the role (the home page).</summary>
    public const string Connecte = nameof(Connecte);

    public const string Administration = nameof(Administration);

    /// <summary>Read the clause data of one's structure (Direction, Facilitateur).</summary>
    public const string LectureClause = nameof(LectureClause);

    /// <summary>Write the clause data of one's structure (Facilitateur).</summary>
    public const string GestionClause = nameof(GestionClause);

    /// <summary>Read participants (Direction, Facilitateur; a Referent only his or her own).</summary>
    public const string LectureParticipants = nameof(LectureParticipants);

    /// <summary>
    /// Open, change and close the PLIE parcours (issue 13): the Referent, of his or her own participants only (a data
    /// filter, AccesParcours). Direction and Facilitateur read them; the Facilitateur acts on the clause contrats, which
    /// are the parcours' clause étapes.
    /// </summary>
    public const string GestionParcours = nameof(GestionParcours);

    /// <summary>Read and change the structure's settings (Direction, Facilitateur).</summary>
    public const string Reglages = nameof(Reglages);

    /// <summary>Oversee the structure's accounts (Direction alone): the personal access tokens of its users.</summary>
    public const string Direction = nameof(Direction);

    /// <summary>Read lots in one's scope (DOMAIN.md §11): staff the structure's, a company the lots it holds, a buyer its own (API).</summary>
    public const string LectureLots = nameof(LectureLots);

    /// <summary>The company portal (Entreprise, attached to one company): its own lots, contrats and hours only.</summary>
    public const string PortailEntreprise = nameof(PortailEntreprise);

    /// <summary>Read bilans (API): staff any scope of the structure, a buyer its own scope only, hidden small cells (never a company: §11).</summary>
    public const string LectureBilans = nameof(LectureBilans);

    /// <summary>The buyer portal (DonneurOrdre, attached to one buyer): its opérations, marchés, lots and their bilans, aggregates only (DOMAIN.md §11).</summary>
    public const string PortailAcheteur = nameof(PortailAcheteur);

    /// <summary>Read the contrats of a month and their lines (API): staff for the structure's companies, a company its own; never a buyer (§11: no participant name).</summary>
    public const string LectureDeclarations = nameof(LectureDeclarations);

    /// <summary>Declare a month's hours (API): a company its own contrats, a facilitateur for a company of the structure (Direction only reads).</summary>
    public const string DeclarationHeures = nameof(DeclarationHeures);

    /// <summary>Propose a candidate to a poste and write the next step after a « non retenu » (issue 14): a facilitateur, or a référent for his or her own participants.</summary>
    public const string Candidatures = nameof(Candidatures);
    /// <summary>Reprise de données (issue 11): the import workbook, by page and by API — Direction and Facilitateur of the structure.</summary>
    public const string Import = nameof(Import);
}
