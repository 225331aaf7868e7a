using System.Globalization;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Participants;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clause.Infrastructure.Import;

/// <summary>
/// The shape of a generated workbook: its hour lines and what stands behind them. Each contrat has one line per month
/// for <see cref="MoisParContrat"/> months (the last one fewer, to make exactly <see cref="LignesHeures"/> lines), each
/// participant one contrat.
/// </summary>
public sealed record ParametresClasseurImport(int LignesHeures, int MoisParContrat = 24, int ContratsParLot = 50, int LotsParMarche = 4,
    int MarchesParOperation = 2, int OperationsParDonneur = 2);

/// <summary>
/// Writes a valid, deterministic import workbook (../shared/IMPORT.md) for the import benchmark (issue 11 « Performance »):
/// N hour lines and the donneurs d'ordre, opérations, marchés, lots, entreprises, attributions, participants and contrats
/// behind them. Written in streaming with <see cref="OpenXmlWriter"/>, inline strings, rows produced one at a time. What
/// makes it valid: SIRETs with their Luhn keys (SIRET and SIREN, <see cref="Siret.AvecCle"/>), lots and marchés executed
/// 2024-01-01 → 2026-12-31 and every contrat inside (it starts in 2024 and lasts at most 24 months), the eligibility
/// validated one month before the contrat starts (inside the 24-month window), a direct hire by the lot's attributaire
/// (modality fits the employer), F3 lots (hours due given, nothing to recompute), one contrat per participant and at most
/// 150 h per line — under the 250 h monthly maximum of DOMAIN.md §7.1 across lots.
/// </summary>
public static class GenerateurClasseurImport
{
    public static readonly DateOnly DebutExecution = new(2024, 1, 1);

    public static readonly DateOnly FinExecution = new(2026, 12, 31);

    /// <summary>The hours of the <paramref name="index"/>-th line: 120 h to 150 h, by quarters of an hour.</summary>
    public static decimal HeuresDeLaLigne(long index) => 120m + (index % 121) * 0.25m;

    /// <summary>Writes the workbook of <paramref name="parametres"/> into <paramref name="flux"/> (left open).</summary>
    public static void Ecrire(Stream flux, ParametresClasseurImport parametres)
    {
        ArgumentNullException.ThrowIfNull(flux);
        ArgumentNullException.ThrowIfNull(parametres);
        ArgumentOutOfRangeException.ThrowIfNegative(parametres.LignesHeures);
        ArgumentOutOfRangeException.ThrowIfLessThan(parametres.MoisParContrat, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parametres.MoisParContrat, 24);
        var plan = new Plan(parametres);
        using var document = SpreadsheetDocument.Create(flux, SpreadsheetDocumentType.Workbook);
        var classeur = document.AddWorkbookPart();
        var sheets = new Sheets();
        uint id = 1;
        void Feuille(string nom, IEnumerable<object?[]> lignes)
        {
            var partie = classeur.AddNewPart<WorksheetPart>();
            EcrireFeuille(partie, lignes);
            sheets.Append(new Sheet { Name = nom, SheetId = id++, Id = classeur.GetIdOfPart(partie) });
        }
        foreach (var feuille in FormatImport.Feuilles)
            Feuille(feuille.Nom, plan.Lignes(feuille).Prepend([.. feuille.Colonnes.Select(c => (object?)c.Nom)]));
        Feuille(FormatImport.FeuilleVersion, [[FormatImport.Marque, FormatImport.Version]]);
        classeur.Workbook = new Workbook(sheets);
        classeur.Workbook.Save();
    }

    private static void EcrireFeuille(WorksheetPart partie, IEnumerable<object?[]> lignes)
    {
        using var ecrivain = OpenXmlWriter.Create(partie);
        ecrivain.WriteStartElement(new Worksheet());
        ecrivain.WriteStartElement(new SheetData());
        foreach (var ligne in lignes)
        {
            ecrivain.WriteStartElement(new Row());
            foreach (var valeur in ligne)
            {
                switch (valeur)
                {
                    case null:
                        ecrivain.WriteElement(new Cell());
                        break;
                    case string texte:
                        ecrivain.WriteElement(new Cell(new InlineString(new Text(texte))) { DataType = CellValues.InlineString });
                        break;
                    case IFormattable nombre:
                        ecrivain.WriteElement(new Cell(new CellValue(nombre.ToString(null, CultureInfo.InvariantCulture))));
                        break;
                    default:
                        throw new ArgumentException($"Valeur non prise en charge : {valeur.GetType().Name}.", nameof(lignes));
                }
            }
            ecrivain.WriteEndElement();
        }
        ecrivain.WriteEndElement();
        ecrivain.WriteEndElement();
    }

    private static string Jour(DateOnly jour) => jour.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(long n, int chiffres) => n.ToString("D" + chiffres.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A valid SIRET (SIRET and SIREN pass Luhn) from a number: the SIREN's 8 first digits, then establishment 0001.</summary>
    private static string SiretDe(long base8) => Siret.AvecCle(Siret.AvecCle(N(base8, 8)) + "0001");

    /// <summary>The counts of each sheet, and each sheet's rows, computed on the fly (nothing kept).</summary>
    private sealed class Plan
    {
        private readonly ParametresClasseurImport p;
        private readonly long contrats;
        private readonly long lots;
        private readonly long marches;
        private readonly long operations;
        private readonly long donneurs;

        public Plan(ParametresClasseurImport parametres)
        {
            p = parametres;
            contrats = Divise(p.LignesHeures, p.MoisParContrat);
            lots = Math.Max(1, Divise(contrats, p.ContratsParLot));
            marches = Divise(lots, p.LotsParMarche);
            operations = Divise(marches, p.MarchesParOperation);
            donneurs = Divise(operations, p.OperationsParDonneur);
        }

        private static long Divise(long a, long b) => (a + b - 1) / b;

        public IEnumerable<object?[]> Lignes(FeuilleImport feuille) => feuille.Nom switch
        {
            "DonneursOrdre" => Intervalle(donneurs).Select(DonneurOrdre),
            "Operations" => Intervalle(operations).Select(Operation),
            "Marches" => Intervalle(marches).Select(Marche),
            "Lots" => Intervalle(lots).Select(Lot),
            "Entreprises" => Intervalle(lots).Select(Entreprise),
            "Attributions" => Intervalle(lots).Select(Attribution),
            "Participants" => Intervalle(contrats).Select(Participant),
            "Contrats" => Intervalle(contrats).Select(Contrat),
            "Heures" => Heures(),
            _ => [],
        };

        private static IEnumerable<long> Intervalle(long n)
        {
            for (long i = 0; i < n; i++) yield return i;
        }

        /// <summary>The values of a row in the order of <paramref name="feuille"/>'s columns, a column left out being empty.</summary>
        private static object?[] Valeurs(FeuilleImport feuille, params (string Colonne, object? Valeur)[] valeurs) =>
            [.. feuille.Colonnes.Select(c => valeurs.FirstOrDefault(v => v.Colonne == c.Nom).Valeur)];

        private object?[] DonneurOrdre(long i) => Valeurs(FormatImport.DonneursOrdre, ("Ref", "DO-" + N(i, 4)), ("RaisonSociale", $"Bailleur {N(i, 4)}"),
            ("Type", nameof(TypeDonneurOrdre.BailleurSocial)), ("Siret", SiretDe(21_000_000 + i)), ("Commune", "Nantes"));

        private object?[] Operation(long i) => Valeurs(FormatImport.Operations, ("Ref", "OP-" + N(i, 5)), ("DonneurOrdre", "DO-" + N(i / p.OperationsParDonneur, 4)),
            ("Nom", $"Opération {N(i, 5)}"), ("Commune", "Nantes"), ("Anru", "Non"), ("Qpv", "Non"));

        private object?[] Marche(long i) => Valeurs(FormatImport.Marches, ("Ref", "M-" + N(i, 5)), ("Operation", "OP-" + N(i / p.MarchesParOperation, 5)),
            ("Numero", "2024-" + N(i, 5)), ("Objet", $"Travaux du marché {N(i, 5)}"), ("Type", nameof(TypeMarche.Ordinaire)),
            ("DateNotification", Jour(DebutExecution.AddDays(-30))), ("DebutExecution", Jour(DebutExecution)), ("FinExecution", Jour(FinExecution)),
            ("MontantHT", 2_000_000m));

        private object?[] Lot(long i) => Valeurs(FormatImport.Lots, ("Ref", "LOT-" + N(i, 5)), ("Marche", "M-" + N(i / p.LotsParMarche, 5)),
            ("Numero", (i % p.LotsParMarche + 1).ToString(CultureInfo.InvariantCulture)), ("Libelle", $"Lot {N(i, 5)}"), ("MontantHT", 500_000m),
            ("DebutExecution", Jour(DebutExecution)), ("FinExecution", Jour(FinExecution)), ("Fondement", nameof(Fondement.ConditionExecution)),
            ("Methode", nameof(MethodeCalcul.F3)), ("HeuresDues", 10_000m));

        private object?[] Entreprise(long i) => Valeurs(FormatImport.Entreprises, ("Ref", "ENT-" + N(i, 5)), ("RaisonSociale", $"Entreprise {N(i, 5)}"),
            ("Siret", SiretDe(41_000_000 + i)), ("Type", nameof(TypeEmployeur.Classique)));

        private object?[] Attribution(long i) => Valeurs(FormatImport.Attributions, ("Lot", "LOT-" + N(i, 5)), ("Entreprise", "ENT-" + N(i, 5)),
            ("Role", nameof(RoleAttribution.Attributaire)), ("DateNotification", Jour(DebutExecution.AddDays(-15))));

        /// <summary>A contrat starts on the first of one of the 12 months of 2024.</summary>
        private static DateOnly DebutContrat(long i) => DebutExecution.AddMonths((int)(i % 12));

        private object?[] Participant(long i) => Valeurs(FormatImport.Participants, ("Ref", "P-" + N(i, 6)), ("Nom", $"Nom{N(i, 6)}"), ("Prenom", "Camille"),
            ("Sexe", i % 2 == 0 ? nameof(Sexe.F) : nameof(Sexe.M)), ("DateNaissance", Jour(new DateOnly(1980, 1, 1).AddDays((int)(i % 7000)))),
            ("CodePostal", "44000"), ("Commune", "Nantes"), ("Qpv", "Non"), ("Niveau", nameof(NiveauQualification.Niveau3)),
            ("Categories", nameof(CategorieEligibilite.DELD12)),
            ("DateValidationEligibilite", Jour(DebutContrat(i).AddMonths(-1))));

        private int MoisDuContrat(long i) => (int)Math.Min(p.MoisParContrat, p.LignesHeures - i * p.MoisParContrat);

        private object?[] Contrat(long i) => Valeurs(FormatImport.Contrats, ("Ref", "CT-" + N(i, 6)), ("Participant", "P-" + N(i, 6)),
            ("Lot", "LOT-" + N(i / p.ContratsParLot, 5)), ("Employeur", "ENT-" + N(i / p.ContratsParLot, 5)),
            ("Modalite", nameof(ModaliteContrat.EmbaucheDirecte)), ("TypeContrat", nameof(TypeContrat.CDD)), ("DateDebut", Jour(DebutContrat(i))),
            ("DateFin", Jour(DebutContrat(i).AddMonths(MoisDuContrat(i)).AddDays(-1))));

        private IEnumerable<object?[]> Heures()
        {
            long index = 0;
            for (long c = 0; c < contrats; c++)
            {
                var debut = DebutContrat(c);
                for (var m = 0; m < MoisDuContrat(c); m++)
                {
                    var mois = debut.AddMonths(m);
                    yield return Valeurs(FormatImport.Heures, ("Contrat", "CT-" + N(c, 6)),
                        ("Mois", mois.ToString("yyyy-MM", CultureInfo.InvariantCulture)), ("Heures", HeuresDeLaLigne(index++)));
                }
            }
        }
    }
}
