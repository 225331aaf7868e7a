using Clause.Domain.Commun;
using Clause.Infrastructure.Import;

namespace Clause.Tests.Import;

/// <summary>
/// Workbook rows built in memory for the import's tests (test data, not a stand-in: <see cref="ISourceImport"/> is the
/// contract the streaming reader implements). Rows are written sheet by sheet, numbered from 2 as in a workbook.
/// </summary>
internal sealed class ClasseurDeTest : ISourceImport
{
    private readonly Dictionary<string, List<LigneLue>> _feuilles = new(StringComparer.Ordinal);

    public ClasseurDeTest Ligne(FeuilleImport feuille, params (string Colonne, object Valeur)[] cellules)
    {
        if (!_feuilles.TryGetValue(feuille.Nom, out var lignes)) _feuilles[feuille.Nom] = lignes = [];
        var lues = cellules.ToDictionary(c => c.Colonne, c => c.Valeur switch
        {
            double nombre => new CelluleLue(nombre.ToString(System.Globalization.CultureInfo.InvariantCulture), nombre),
            CelluleLue cellule => cellule,
            var texte => new CelluleLue(Convert.ToString(texte, System.Globalization.CultureInfo.InvariantCulture)!),
        });
        lignes.Add(new LigneLue(feuille, lignes.Count + 2, lues));
        return this;
    }

    /// <summary>Replaces one cell of a row already written (row number as in the workbook).</summary>
    public ClasseurDeTest Changer(FeuilleImport feuille, int numero, string colonne, string valeur)
    {
        var lignes = _feuilles[feuille.Nom];
        var i = lignes.FindIndex(l => l.Numero == numero);
        var cellules = lignes[i].Cellules.ToDictionary(c => c.Key, c => c.Value);
        cellules[colonne] = new CelluleLue(valeur);
        lignes[i] = lignes[i] with { Cellules = cellules };
        return this;
    }

    public IEnumerable<LigneLue> Lignes(FeuilleImport feuille, ICollection<ErreurImport> erreurs) =>
        _feuilles.TryGetValue(feuille.Nom, out var lignes) ? lignes : [];

    public static readonly string SiretDonneur = "73282932000074";
    public static readonly string SiretBtp = Siret.AvecCle("4041234570001");
    public static readonly string SiretEtti = Siret.AvecCle("5051234550001");

    /// <summary>
    /// A whole valid workbook: a buyer, an opération, a marché of one F1 lot (1 000 000 € × 50 % × 5 % / 30 € = 833 h), its
    /// attributaire and an ETTI, a participant validated on 2025-01-10, a direct hire from 2025-02-01 and two months of hours
    /// (100 h and 151,67 h).
    /// </summary>
    public static ClasseurDeTest Valide() => new ClasseurDeTest()
        .Ligne(FormatImport.DonneursOrdre, ("Ref", "D1"), ("RaisonSociale", "Ville de Tours"), ("Type", "commune"), ("Siret", SiretDonneur), ("Commune", "Tours"))
        .Ligne(FormatImport.Operations, ("Ref", "O1"), ("DonneurOrdre", "D1"), ("Nom", "Rénovation du Sanitas"), ("Commune", "Tours"), ("Anru", "Oui"),
            ("Qpv", "Non"), ("Statut", "EnExecution"))
        .Ligne(FormatImport.Marches, ("Ref", "M1"), ("Operation", "O1"), ("Numero", "2025-001"), ("Objet", "Réhabilitation"), ("Type", "Ordinaire"),
            ("DateNotification", "2024-12-01"), ("DebutExecution", "2025-01-01"), ("FinExecution", "2026-12-31"), ("MontantHT", "1000000"))
        .Ligne(FormatImport.Lots, ("Ref", "L1"), ("Marche", "M1"), ("Numero", "1"), ("Libelle", "Gros œuvre"), ("MontantHT", "1000000,00"),
            ("DebutExecution", "2025-01-01"), ("FinExecution", "2026-12-31"), ("Fondement", "ConditionExecution"), ("Methode", "F1"),
            ("PartMainOeuvrePct", "50"), ("TauxInsertionPct", "5"), ("HeuresDues", "833"))
        .Ligne(FormatImport.Entreprises, ("Ref", "E1"), ("RaisonSociale", "BTP Centre"), ("Siret", SiretBtp), ("Type", "Classique"))
        .Ligne(FormatImport.Entreprises, ("Ref", "E2"), ("RaisonSociale", "Intérim Insertion 37"), ("Siret", SiretEtti), ("Type", "ETTI"))
        .Ligne(FormatImport.Attributions, ("Lot", "L1"), ("Entreprise", "E1"), ("Role", "Attributaire"), ("DateNotification", "2024-12-01"))
        .Ligne(FormatImport.Participants, ("Ref", "P1"), ("Nom", "Martin"), ("Prenom", "Léa"), ("Sexe", "F"), ("DateNaissance", "1990-05-01"),
            ("CodePostal", "37000"), ("Commune", "Tours"), ("Qpv", "Non"), ("Niveau", "Niveau3"), ("Categories", "RSA, DELD12"),
            ("DateValidationEligibilite", "2025-01-10"))
        .Ligne(FormatImport.Contrats, ("Ref", "C1"), ("Participant", "P1"), ("Lot", "L1"), ("Employeur", "E1"), ("Modalite", "EmbaucheDirecte"),
            ("TypeContrat", "CDD"), ("DateDebut", "2025-02-01"), ("DateFin", "2025-12-31"))
        .Ligne(FormatImport.Heures, ("Contrat", "C1"), ("Mois", "2025-02"), ("Heures", "100"))
        .Ligne(FormatImport.Heures, ("Contrat", "C1"), ("Mois", "2025-03"), ("Heures", "151,67"));
}
