using Clause.Domain.Contrats;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;

namespace Clause.Infrastructure.Import;

/// <summary>How a column's text is read (../shared/IMPORT.md « File »).</summary>
public enum GenreColonne
{
    /// <summary>Free text.</summary>
    Texte,
    /// <summary>The workbook's own key of the row (unique within its sheet).</summary>
    Ref,
    /// <summary>The Ref of a row of another sheet (<see cref="ColonneImport.Cible"/>).</summary>
    Reference,
    /// <summary>One code name of DOMAIN.md (<see cref="ColonneImport.Codes"/>), case-insensitive.</summary>
    Code,
    /// <summary>Code names separated by <c>,</c> (participants' categories).</summary>
    Codes,
    /// <summary>One or two codes separated by <c>+</c> (a lot's fondement).</summary>
    Fondement,
    /// <summary><c>yyyy-mm-dd</c> text or a real Excel date.</summary>
    Date,
    /// <summary><c>yyyy-mm</c>.</summary>
    Mois,
    /// <summary>A number of percent (<c>5</c> = 5 %, <c>62,5</c>), dot or comma.</summary>
    Pourcentage,
    /// <summary>Euros with up to 2 decimals, dot or comma.</summary>
    Montant,
    /// <summary>Hours with up to 2 decimals, converted to minutes half-up.</summary>
    Heures,
    /// <summary><c>Oui</c>/<c>Non</c>, <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>.</summary>
    Booleen,
    /// <summary>A SIRET (14 digits, Luhn), spaces allowed.</summary>
    Siret,
}

/// <summary>One column of a sheet: its name as IMPORT.md writes it (the canonical name), required or not (★).</summary>
public sealed record ColonneImport(string Nom, bool Requise, GenreColonne Genre, Type? Codes = null, string? Cible = null);

/// <summary>One sheet of the workbook, in the order the rows depend on each other.</summary>
public sealed record FeuilleImport(string Nom, IReadOnlyList<ColonneImport> Colonnes)
{
    public ColonneImport? Colonne(string nom) => Colonnes.FirstOrDefault(c => string.Equals(c.Nom, nom, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The public import workbook, version 1 (../shared/IMPORT.md): the one place its sheets and columns are written.
/// The reader, the template, its « Aide » sheet, the export and the import all read this list.
/// </summary>
public static class FormatImport
{
    /// <summary>The <c>Version</c> sheet: <c>A1 = clause-import</c>, <c>B1 = 1</c>.</summary>
    public const string FeuilleVersion = "Version";
    public const string Marque = "clause-import";
    public const int Version = 1;

    private static ColonneImport Requise(string nom, GenreColonne genre, Type? codes = null, string? cible = null) => new(nom, true, genre, codes, cible);
    private static ColonneImport Facultative(string nom, GenreColonne genre, Type? codes = null, string? cible = null) => new(nom, false, genre, codes, cible);

    public static readonly FeuilleImport DonneursOrdre = new("DonneursOrdre",
    [
        Requise("Ref", GenreColonne.Ref), Requise("RaisonSociale", GenreColonne.Texte), Requise("Type", GenreColonne.Code, typeof(TypeDonneurOrdre)),
        Facultative("Siret", GenreColonne.Siret), Facultative("Commune", GenreColonne.Texte),
    ]);

    public static readonly FeuilleImport Operations = new("Operations",
    [
        Requise("Ref", GenreColonne.Ref), Requise("DonneurOrdre", GenreColonne.Reference, cible: "DonneursOrdre"), Requise("Nom", GenreColonne.Texte),
        Facultative("Commune", GenreColonne.Texte), Facultative("Anru", GenreColonne.Booleen), Facultative("Qpv", GenreColonne.Booleen),
        Facultative("CodeQpv", GenreColonne.Texte), Facultative("ObjectifQpvPct", GenreColonne.Pourcentage), Facultative("Statut", GenreColonne.Code, typeof(StatutOperation)),
    ]);

    public static readonly FeuilleImport Marches = new("Marches",
    [
        Requise("Ref", GenreColonne.Ref), Requise("Operation", GenreColonne.Reference, cible: "Operations"), Requise("Numero", GenreColonne.Texte),
        Requise("Objet", GenreColonne.Texte), Requise("Type", GenreColonne.Code, typeof(TypeMarche)), Facultative("DateNotification", GenreColonne.Date),
        Requise("DebutExecution", GenreColonne.Date), Requise("FinExecution", GenreColonne.Date), Requise("MontantHT", GenreColonne.Montant),
    ]);

    public static readonly FeuilleImport Lots = new("Lots",
    [
        Requise("Ref", GenreColonne.Ref), Requise("Marche", GenreColonne.Reference, cible: "Marches"), Requise("Numero", GenreColonne.Texte),
        Requise("Libelle", GenreColonne.Texte), Requise("MontantHT", GenreColonne.Montant), Requise("DebutExecution", GenreColonne.Date),
        Requise("FinExecution", GenreColonne.Date), Requise("Fondement", GenreColonne.Fondement, typeof(Fondement)),
        Requise("Methode", GenreColonne.Code, typeof(MethodeCalcul)), Facultative("PartMainOeuvrePct", GenreColonne.Pourcentage),
        Facultative("TauxInsertionPct", GenreColonne.Pourcentage), Facultative("CoutHoraire", GenreColonne.Montant),
        Facultative("HeuresTravailleesEstimees", GenreColonne.Heures), Facultative("HeuresDues", GenreColonne.Heures),
        Facultative("FormationComptabilisee", GenreColonne.Booleen),
    ]);

    public static readonly FeuilleImport Entreprises = new("Entreprises",
    [
        Requise("Ref", GenreColonne.Ref), Requise("RaisonSociale", GenreColonne.Texte), Requise("Siret", GenreColonne.Siret),
        Requise("Type", GenreColonne.Code, typeof(TypeEmployeur)),
    ]);

    /// <summary>An attribution has no Ref of its own: it is the pair (Lot, Entreprise).</summary>
    public static readonly FeuilleImport Attributions = new("Attributions",
    [
        Requise("Lot", GenreColonne.Reference, cible: "Lots"), Requise("Entreprise", GenreColonne.Reference, cible: "Entreprises"),
        Requise("Role", GenreColonne.Code, typeof(RoleAttribution)), Facultative("DateNotification", GenreColonne.Date),
    ]);

    public static readonly FeuilleImport Participants = new("Participants",
    [
        Requise("Ref", GenreColonne.Ref), Requise("Nom", GenreColonne.Texte), Requise("Prenom", GenreColonne.Texte),
        Requise("Sexe", GenreColonne.Code, typeof(Sexe)), Requise("DateNaissance", GenreColonne.Date), Facultative("CodePostal", GenreColonne.Texte), Facultative("Commune", GenreColonne.Texte),
        Facultative("Qpv", GenreColonne.Booleen), Facultative("CodeQpv", GenreColonne.Texte), Facultative("Niveau", GenreColonne.Code, typeof(NiveauQualification)),
        Requise("Categories", GenreColonne.Codes, typeof(CategorieEligibilite)), Requise("DateValidationEligibilite", GenreColonne.Date),
    ]);

    public static readonly FeuilleImport Contrats = new("Contrats",
    [
        Requise("Ref", GenreColonne.Ref), Requise("Participant", GenreColonne.Reference, cible: "Participants"),
        Requise("Lot", GenreColonne.Reference, cible: "Lots"), Requise("Employeur", GenreColonne.Reference, cible: "Entreprises"),
        Requise("Modalite", GenreColonne.Code, typeof(ModaliteContrat)), Requise("TypeContrat", GenreColonne.Code, typeof(TypeContrat)),
        Requise("DateDebut", GenreColonne.Date), Facultative("DateFin", GenreColonne.Date), Facultative("Derogation", GenreColonne.Texte),
    ]);

    /// <summary>An hour line has no Ref of its own: it is the pair (Contrat, Mois).</summary>
    public static readonly FeuilleImport Heures = new("Heures",
    [
        Requise("Contrat", GenreColonne.Reference, cible: "Contrats"), Requise("Mois", GenreColonne.Mois),
        Facultative("Heures", GenreColonne.Heures), Facultative("MontantFactureHT", GenreColonne.Montant),
        Facultative("Statut", GenreColonne.Code, typeof(StatutDeclaration)),
    ]);

    /// <summary>Every sheet, each after the sheets it points at.</summary>
    public static readonly IReadOnlyList<FeuilleImport> Feuilles = [DonneursOrdre, Operations, Marches, Lots, Entreprises, Attributions, Participants, Contrats, Heures];
}
