using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Clause.Domain.Alertes;
using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.Participants;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Audit;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Conservation;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Pieces;
using Clause.Infrastructure.Taches;
using Clause.Tests.Infrastructure.Bilans;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clause.Tests.Infrastructure.Conservation;

/// <summary>
/// The retention of DOMAIN.md §12 (issue 16 item 10) on a real SQLite database, the fixed dataset of
/// <see cref="ScenarioBilan"/> and a fake clock. Martin's last event is the end of his contrats (31/12/2026): anonymisable
/// from 01/01/2029. Dubois's record is changed on 31/01/2027: anonymisable from 01/02/2029. Bernard has a CDI still open.
/// The run is on 15/01/2029: Martin is more than 24 months past his last event, Dubois 23 and a half.
/// Martin is renamed first to an identity found nowhere else, so a search for it in every column means something.
/// </summary>
public sealed class ConservationTests : IDisposable
{
    private const string Nom = "Zébulonnet";
    private const string Prenom = "Théodorine";
    private const string Adresse = "7 impasse des Lilas-Blancs";
    private const string IdFranceTravail = "ZQ987654";
    private static readonly DateTimeOffset Execution = new(2029, 1, 15, 9, 0, 0, TimeSpan.Zero);

    private readonly BaseDeTest _base = new();
    private readonly string _dossierPieces = Path.Combine(Path.GetTempPath(), "clause-conservation-" + Guid.NewGuid().ToString("N"));
    private readonly StockagePieces _stockage;

    /// <summary>Martin's identity card, attached to his first contrat: « CNI-Zébulonnet.pdf ».</summary>
    private PieceJustificativeId _piece;
    private string _cheminPiece = string.Empty;

    public ConservationTests() => _stockage = new StockagePieces(new OptionsPieces(_dossierPieces));

    public void Dispose()
    {
        _base.Dispose();
        if (Directory.Exists(_dossierPieces)) Directory.Delete(_dossierPieces, recursive: true);
    }

    private async Task<ScenarioBilan> SemerAsync()
    {
        var sc = await ScenarioBilan.SemerAsync(_base);
        await using (var db = _base.Pour(sc.StructureId))
        {
            var martin = await db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == sc.Martin.Id);
            martin.Modifier(new DonneesParticipant(Nom, Prenom, Sexe.F, new DateOnly(2000, 5, 1), Adresse, "37000", "Tours", false, null,
                NiveauQualification.Niveau3, Prescripteur.FranceTravail, null, IdFranceTravail, new DateOnly(2024, 1, 5)), new DateOnly(2026, 12, 20));
            // An alert names the participant in its text (ServiceAlertes writes them so): it must not outlive the anonymisation.
            var m1 = await db.Contrats.Where(c => c.ParticipantId == sc.Martin.Id).OrderBy(c => c.DateDebut).FirstAsync();
            db.Alertes.Add(Alerte.Creer(sc.StructureId, NatureAlerte.FinContrat, m1.Id.Valeur, new DateOnly(2026, 12, 31), ParticipantsDeTest.FacilitateurId,
                $"Le contrat de {Prenom} {Nom} finit le 31/12/2026.", "/Contrats/" + m1.Id, _base.Horloge.GetUtcNow()));
            // A proof of the contrat: his identity card, its name and its content naming him.
            var contenu = Encoding.UTF8.GetBytes($"%PDF-1.4 carte d'identité {Prenom} {Nom}");
            var piece = PieceJustificative.Deposer(sc.StructureId, m1.EmployeurId, m1, null, NaturePiece.Autre, $"CNI-{Nom}.pdf",
                new FichierRecu(TypeFichier.Pdf, contenu.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(contenu))),
                new Auteur(ParticipantsDeTest.FacilitateurId, "Camille Facilitatrice", true), _base.Horloge.GetUtcNow());
            db.PiecesJustificatives.Add(piece);
            await db.SaveChangesAsync();
            _piece = piece.Id;
            _cheminPiece = _stockage.Chemin(sc.StructureId, piece.NomStocke)!;
            Directory.CreateDirectory(Path.GetDirectoryName(_cheminPiece)!);
            await File.WriteAllBytesAsync(_cheminPiece, contenu);
            // A refused proposal of February whose reason names him: written through the domain, so the audit trail of the
            // contrat holds the reason in clear (MotifRefus is not [Sensible]) until the anonymisation purges it.
            var lotA1 = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == sc.A1.Id);
            var titulaire = await db.Entreprises.SingleAsync(e => e.Id == m1.EmployeurId);
            var reglages = await db.Reglages.SingleAsync();
            var refuse = Contrat.Proposer(martin, lotA1, titulaire, new DonneesContrat(ModaliteContrat.EmbaucheDirecte, TypeContrat.CDD,
                new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 31), null, Duree.Heures(35), "Maçon VRD", "F1703"), reglages,
                SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            db.Contrats.Add(refuse);
            await db.SaveChangesAsync();
            refuse.Refuser($"{Prenom} {Nom} a préféré une formation", SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            await db.SaveChangesAsync();
            // A candidature of his, not retained, whose texts name him (issue 14), and a parcours whose étape's bilan does (issue 13).
            var lotM1 = await db.Lots.Include(l => l.Attributions).SingleAsync(l => l.Id == m1.LotId);
            lotM1.Lancer();
            lotM1.MettreEnExecution();
            var poste = Clause.Domain.Placement.PosteAPourvoir.Creer(lotM1, m1.EmployeurId,
                new Clause.Domain.Placement.DonneesPoste("Maçon VRD", null, 1, TypeContrat.CDD, m1.DateDebut, null, null, null),
                SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            var candidature = Clause.Domain.Placement.Candidature.Proposer(poste, martin, "candidat@exemple.fr", "06 12 34 56 78", reglages,
                SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            candidature.Valider(poste, martin, reglages, null, SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            Clause.Domain.Placement.Candidature.PresenterListe(poste, [candidature], SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            candidature.NePasRetenir(Clause.Domain.Placement.MotifNonRetenu.ProfilInadapte, $"{Prenom} {Nom} n'a pas le CACES", SituationsContrats.Entreprise,
                _base.Horloge.GetUtcNow());
            candidature.NoterSuite($"{Prenom} {Nom} : formation CACES prévue", SituationsContrats.Facilitateur, _base.Horloge.GetUtcNow());
            var referent = Guid.CreateVersion7();
            var parcours = Clause.Domain.Parcours.Parcours.Ouvrir(martin,
                new Clause.Domain.Parcours.DonneesOuverture(referent, new DateOnly(2026, 1, 5), null, Clause.Domain.Parcours.TrancheInactivite.MoinsUnAn),
                new Clause.Domain.Parcours.ReferentCandidat(referent, sc.StructureId, true), false, new DateOnly(2026, 12, 20));
            parcours.AjouterEtape(new Clause.Domain.Parcours.DonneesEtape(Clause.Domain.Parcours.TypeEtape.Mobilisation, new DateOnly(2026, 1, 6), null,
                "Atelier Tremplin", true, $"Bilan : {Prenom} {Nom} a repris confiance."));
            db.PostesAPourvoir.Add(poste);
            db.Candidatures.Add(candidature);
            db.Parcours.Add(parcours);
            await db.SaveChangesAsync();
            // The override's reason of the contrat, a free text that names him.
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE Contrats SET MotifDerogation = {0}, DerogationParId = {1}, DerogationParNom = {2}, DerogationLe = {3} WHERE Id = {4}",
                $"Dérogation : {Prenom} {Nom} attendait sa décision de la MDPH", ParticipantsDeTest.FacilitateurId, "Camille Facilitatrice",
                (long)new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(_base.Horloge.GetUtcNow())!, m1.Id.Valeur);
        }
        _base.Horloge.SetUtcNow(new DateTimeOffset(2027, 1, 31, 9, 0, 0, TimeSpan.Zero));
        await using (var db = _base.Pour(sc.StructureId))
        {
            var dubois = await db.Participants.Include(p => p.Decisions).SingleAsync(p => p.Id == sc.Dubois.Id);
            dubois.Modifier(new DonneesParticipant("Dubois", "Alex", Sexe.M, new DateOnly(2002, 3, 1), "3 rue Colbert", "37000", "Tours", true, "QP037005",
                NiveauQualification.Infra3, Prescripteur.FranceTravail, null, null, new DateOnly(2024, 1, 5)), new DateOnly(2027, 1, 31));
            await db.SaveChangesAsync();
        }
        _base.Horloge.SetUtcNow(Execution);
        return sc;
    }

    private ServiceConservation Service(Clause.Infrastructure.Persistence.ClauseDbContext db) => new(db, _stockage, _base.Horloge);

    private async Task ConfirmerAsync(ScenarioBilan sc)
    {
        await using var db = _base.Pour(sc.StructureId, "Dominique Direction");
        await Service(db).ConfirmerAsync();
    }

    private async Task<ResultatConservation> ExecuterAsync(ScenarioBilan sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        return await Service(db).ExecuterAsync();
    }

    private async Task<Participant> LireAsync(ParticipantId id)
    {
        await using var db = _base.Systeme();
        return await db.Participants.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<Bilan> BilanAsync(ScenarioBilan sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        return (await new RequetesBilans(db, new RequetesHeures(db, _base.Horloge)).BilanAsync(PerimetreBilan.Structure,
            new PeriodeBilan(new Mois(2025, 10), new Mois(2027, 3))))!;
    }

    private async Task<ConsolidationAnnuelle> ConsolidationAsync(ScenarioBilan sc)
    {
        await using var db = _base.Pour(sc.StructureId);
        return await new RequetesConsolidation(db, new RequetesBilans(db, new RequetesHeures(db, _base.Horloge))).ConsolidationAsync(2026);
    }

    /// <summary>
    /// Every table and column of the database (whatever its type) holding <paramref name="texte"/> as typed or as JSON writes
    /// it (the audit's values: « é » becomes « \u00E9 »), as « table.colonne ».
    /// </summary>
    private async Task<List<string>> OuApparaitAsync(string texte)
    {
        var formes = new[] { texte, JsonSerializer.Serialize(texte).Trim('"') }.Distinct().ToList();
        await using var db = _base.Systeme();
        var connexion = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var commande = connexion.CreateCommand())
        {
            commande.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var lecteur = await commande.ExecuteReaderAsync();
            while (await lecteur.ReadAsync()) tables.Add(lecteur.GetString(0));
        }
        var trouve = new List<string>();
        foreach (var table in tables)
        {
            var colonnes = new List<string>();
            await using (var commande = connexion.CreateCommand())
            {
                commande.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
                await using var lecteur = await commande.ExecuteReaderAsync();
                while (await lecteur.ReadAsync()) colonnes.Add(lecteur.GetString(0));
            }
            foreach (var colonne in colonnes)
                foreach (var forme in formes)
                {
                    await using var commande = connexion.CreateCommand();
                    commande.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE instr(CAST(\"{colonne}\" AS TEXT), $t) > 0";
                    var parametre = commande.CreateParameter();
                    parametre.ParameterName = "$t";
                    parametre.Value = forme;
                    commande.Parameters.Add(parametre);
                    if (Convert.ToInt64(await commande.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0
                        && !trouve.Contains($"{table}.{colonne}")) trouve.Add($"{table}.{colonne}");
                }
        }
        return trouve;
    }

    /// <summary>The text of every part of an .xlsx file (shared strings, sheets, properties).</summary>
    private static string TexteClasseur(byte[] fichier)
    {
        using var zip = new ZipArchive(new MemoryStream(fichier));
        var texte = new StringBuilder();
        foreach (var entree in zip.Entries)
        {
            using var lecteur = new StreamReader(entree.Open(), Encoding.UTF8);
            texte.Append(lecteur.ReadToEnd());
        }
        return texte.ToString();
    }

    private static string Json(object valeur) => JsonSerializer.Serialize(valeur);

    /// <summary>Every figure of a bilan, as text (its dictionaries and lists spelled out).</summary>
    private static string Chiffres(Bilan b)
    {
        static string D<TK, TV>(IReadOnlyDictionary<TK, TV> d) where TK : notnull =>
            string.Join(";", d.OrderBy(k => k.Key.ToString(), StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"));
        static string P(IEnumerable<DimensionProfil> ps) => string.Join(";", ps.SelectMany(p => p.Cellules.Select(c => $"{p.Code}:{c}")));
        return string.Join("|", new object?[]
        {
            b.HeuresDuesMinutes, b.RealiseesMinutes, b.CumulMinutes, b.CumulAuTauxMinutes, b.CumulPlafonneMinutes, b.EnAttenteMinutes,
            b.HorsPeriodeMinutes, b.HorsPeriodeLignes, D(b.ParModalite), D(b.ParTypeContrat), string.Join(";", b.Mensuel), b.Participants,
            b.Contrats, D(b.ContratsParType), b.Entreprises, P(b.Profils), P([b.Situations]), b.PartQpv, string.Join(";", b.Lots),
        });
    }

    private static string Chiffres(ConsolidationAnnuelle c) =>
        string.Join("|", new[] { c.Chiffres, c.Precedente }.Select(a =>
            $"{a with { Profils = [] }}:" + string.Join(";", a.Profils.SelectMany(p => p.Cellules.Select(x => $"{p.Code}:{x}")))));

    [Fact]
    public async Task Plus_de_24_mois_apres_le_dernier_evenement_le_participant_est_anonymise_a_23_mois_non()
    {
        var sc = await SemerAsync();
        await ConfirmerAsync(sc);

        var resultat = await ExecuterAsync(sc);

        Assert.True(resultat.Confirmee);
        Assert.Equal(1, resultat.Anonymises);
        var martin = await LireAsync(sc.Martin.Id);
        Assert.Equal(Execution, martin.AnonymiseLe);
        Assert.Equal(Participant.NomAnonyme, martin.Nom);
        Assert.Equal("1", martin.Prenom);
        Assert.Null(martin.Adresse);
        Assert.Null(martin.IdentifiantFranceTravail);
        Assert.Equal(new DateOnly(2000, 1, 1), martin.DateNaissance);
        Assert.Equal("Département 37", martin.Commune);
        Assert.Equal("37000", martin.CodePostal);
        // What the totals read stays.
        Assert.Equal(Sexe.F, martin.Sexe);
        Assert.Equal(NiveauQualification.Niveau3, martin.NiveauQualification);
        // Dubois: 23 and a half months after his record's change; Bernard: a CDI still open.
        var dubois = await LireAsync(sc.Dubois.Id);
        Assert.Null(dubois.AnonymiseLe);
        Assert.Equal("Dubois", dubois.Nom);
        Assert.Equal(new DateOnly(2002, 3, 1), dubois.DateNaissance);
        Assert.Null((await LireAsync(sc.Bernard.Id)).AnonymiseLe);
    }

    [Fact]
    public async Task Apres_l_anonymisation_l_identite_n_apparait_nulle_part_ni_en_base_ni_dans_les_exports()
    {
        var sc = await SemerAsync();
        // The identity is there before: in the participants' table and in the alert's text (the audit masks both).
        Assert.Contains("Participants.Nom", await OuApparaitAsync(Nom));
        Assert.Contains("Alertes.Texte", await OuApparaitAsync(Nom));
        Assert.Contains("PiecesJustificatives.NomOriginal", await OuApparaitAsync(Nom));
        Assert.Contains("Contrats.MotifDerogation", await OuApparaitAsync(Nom));
        Assert.Contains("Contrats.MotifRefus", await OuApparaitAsync(Nom));
        Assert.Contains("Candidatures.PrecisionNonRetenu", await OuApparaitAsync(Nom));
        Assert.Contains("Candidatures.Suite", await OuApparaitAsync(Nom));
        Assert.Contains("EtapesParcours.Bilan", await OuApparaitAsync(Nom));
        Assert.Contains("JournalAudit.Changements", await OuApparaitAsync(Nom));
        Assert.True(File.Exists(_cheminPiece));
        await ConfirmerAsync(sc);

        await ExecuterAsync(sc);

        foreach (var texte in new[] { Nom, Prenom, Adresse, IdFranceTravail, "2000-05-01", "MDPH" })
            Assert.Empty(await OuApparaitAsync(texte));
        // The proof's content is gone from the storage; its row stays in the contrat's history, marked deleted, not downloadable.
        Assert.False(File.Exists(_cheminPiece));
        await using (var db = _base.Pour(sc.StructureId))
        {
            var piece = await db.PiecesJustificatives.AsNoTracking().SingleAsync(p => p.Id == _piece);
            Assert.True(piece.EstSupprimee);
            Assert.Equal(PieceJustificative.NomSupprime, piece.NomOriginal);
            Assert.Null(await new ServicePieces(db, _stockage, _base.Horloge).TelechargerAsync(db.PiecesJustificatives, _piece));
            var m1 = await db.Contrats.AsNoTracking().SingleAsync(c => c.Id == piece.ContratId);
            Assert.Equal(Contrat.MotifPurge, m1.MotifDerogation);
            Assert.True(m1.AvecDerogation);
        }
        var bilan = TexteClasseur(ClasseurBilan.Ecrire(await BilanAsync(sc), 5, new DateOnly(2029, 1, 15)));
        var consolidation = TexteClasseur(ExportsConsolidation.Classeur(await ConsolidationAsync(sc), new DateOnly(2029, 1, 15)));
        foreach (var texte in new[] { Nom, Prenom })
        {
            Assert.DoesNotContain(texte, bilan, StringComparison.Ordinal);
            Assert.DoesNotContain(texte, consolidation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Les_totaux_du_bilan_et_de_la_consolidation_sont_identiques_avant_et_apres()
    {
        var sc = await SemerAsync();
        var bilanAvant = await BilanAsync(sc);
        var consolidationAvant = await ConsolidationAsync(sc);
        // Martin was 25 at the start of M1 (05/01/2026): born « 01/01/2000 » he would be 26 — his band must not move.
        Assert.Contains(bilanAvant.Profils.Single(p => p.Code == DimensionsProfil.TrancheAge).Cellules, c => c.Code == DimensionsProfil.MoinsDe26 && c.Nombre == 2);
        await ConfirmerAsync(sc);

        await ExecuterAsync(sc);

        Assert.Equal(Chiffres(bilanAvant), Chiffres(await BilanAsync(sc)));
        Assert.Equal(Chiffres(consolidationAvant), Chiffres(await ConsolidationAsync(sc)));
    }

    [Fact]
    public async Task Une_deuxieme_execution_ne_change_rien()
    {
        var sc = await SemerAsync();
        await ConfirmerAsync(sc);
        await ExecuterAsync(sc);
        string Etat(IEnumerable<object> lignes) => Json(lignes);
        string participants, audit, pieces, contrats;
        await using (var db = _base.Systeme())
        {
            participants = Etat(await db.Participants.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Nom, p.Prenom, p.DateNaissance, p.Commune, p.AnonymiseLe }).ToListAsync());
            pieces = Etat(await db.PiecesJustificatives.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.NomOriginal, p.Empreinte, p.NomStocke }).ToListAsync());
            contrats = Etat(await db.Contrats.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.MotifDerogation, c.MotifRefus, c.AgeAuDebutFige }).ToListAsync());
            audit = Etat(await db.JournalAudit.AsNoTracking().OrderBy(j => j.Id).Select(j => new { j.Id, j.Changements, j.PurgeLe }).ToListAsync());
        }
        _base.Horloge.Advance(TimeSpan.FromDays(1));

        var seconde = await ExecuterAsync(sc);

        Assert.Equal(0, seconde.Anonymises);
        Assert.Equal(0, seconde.LignesAuditPurgees);
        await using (var db = _base.Systeme())
        {
            Assert.Equal(participants, Etat(await db.Participants.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Nom, p.Prenom, p.DateNaissance, p.Commune, p.AnonymiseLe }).ToListAsync()));
            Assert.Equal(pieces, Etat(await db.PiecesJustificatives.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.NomOriginal, p.Empreinte, p.NomStocke }).ToListAsync()));
            Assert.Equal(contrats, Etat(await db.Contrats.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.MotifDerogation, c.MotifRefus, c.AgeAuDebutFige }).ToListAsync()));
            Assert.Equal(audit, Etat(await db.JournalAudit.AsNoTracking().OrderBy(j => j.Id).Select(j => new { j.Id, j.Changements, j.PurgeLe }).ToListAsync()));
        }
    }

    [Fact]
    public async Task Sans_confirmation_de_la_Direction_personne_n_est_anonymise()
    {
        var sc = await SemerAsync();

        var resultat = await ExecuterAsync(sc);

        Assert.False(resultat.Confirmee);
        Assert.Equal(0, resultat.Anonymises);
        var martin = await LireAsync(sc.Martin.Id);
        Assert.Null(martin.AnonymiseLe);
        Assert.Equal(Nom, martin.Nom);
        await using var db = _base.Systeme();
        Assert.DoesNotContain(await db.JournalAudit.AsNoTracking().ToListAsync(), j => j.PurgeLe != null);
    }

    [Fact]
    public async Task La_liste_a_blanc_nomme_le_participant_echu_et_son_dernier_evenement()
    {
        var sc = await SemerAsync();

        await using var db = _base.Pour(sc.StructureId);
        var echus = await Service(db).EchusAsync();

        var echu = Assert.Single(echus);
        Assert.Equal(sc.Martin.Id, echu.Id);
        Assert.Equal(Nom, echu.Nom);
        Assert.Equal(new DernierEvenement(new DateOnly(2026, 12, 31), NatureDernierEvenement.FinContrat), echu.Dernier);
        Assert.Equal(new DateOnly(2029, 1, 1), echu.AnonymisableLe);
    }

    [Fact]
    public async Task Apres_la_purge_la_chaine_d_audit_est_intacte_et_une_ligne_purgee_falsifiee_est_detectee()
    {
        var sc = await SemerAsync();
        await ConfirmerAsync(sc);
        var resultat = await ExecuterAsync(sc);
        Assert.True(resultat.LignesAuditPurgees > 0);
        await using (var db = _base.Systeme())
        {
            // Every row of Martin's record (its decisions included) holds the marker only: no sexe, no niveau, no category.
            var siennes = await db.JournalAudit.AsNoTracking().Where(j => j.RacineId == sc.Martin.Id.Valeur).ToListAsync();
            Assert.NotEmpty(siennes);
            Assert.All(siennes, j => Assert.NotNull(j.PurgeLe));
            Assert.All(siennes, j => Assert.DoesNotContain("Niveau3", j.Changements, StringComparison.Ordinal));
            Assert.All(siennes, j => Assert.DoesNotContain("RSA", j.Changements, StringComparison.Ordinal));
            // The proof's rows (its uploaded name) are purged too.
            var piece = await db.JournalAudit.AsNoTracking().Where(j => j.RacineId == _piece.Valeur).ToListAsync();
            Assert.NotEmpty(piece);
            Assert.All(piece, j => Assert.NotNull(j.PurgeLe));
            // Dubois's rows are untouched.
            Assert.All(await db.JournalAudit.AsNoTracking().Where(j => j.RacineId == sc.Dubois.Id.Valeur).ToListAsync(), j => Assert.Null(j.PurgeLe));
        }

        await using (var db = _base.Systeme())
        {
            var chaine = (await ChaineAudit.VerifierAsync(db)).Single(c => c.StructureId == sc.StructureId);
            Assert.True(chaine.Intacte, chaine.Rupture?.Motif);
        }

        // A purged row given back a value (its digest no longer covers values): the chain reports it.
        Guid falsifiee;
        await using (var db = _base.Systeme())
        {
            var ligne = await db.JournalAudit.Where(j => j.PurgeLe != null).OrderBy(j => j.Sequence).FirstAsync();
            falsifiee = ligne.Id;
            await db.Database.ExecuteSqlRawAsync("UPDATE JournalAudit SET Changements = {0} WHERE Id = {1}",
                "[{\"champ\":\"Texte\",\"avant\":null,\"apres\":\"valeur inventée\"}]", ligne.Id);
        }
        await using (var db = _base.Systeme())
        {
            var rupture = (await ChaineAudit.VerifierAsync(db)).Single(c => c.StructureId == sc.StructureId).Rupture;
            Assert.NotNull(rupture);
            Assert.Equal(falsifiee, rupture.LigneId);
            Assert.Contains("purgée", rupture.Motif, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Les_lectures_sensibles_de_plus_de_12_mois_sont_purgees_les_autres_gardees()
    {
        var sc = await SemerAsync();
        await using (var db = _base.Pour(sc.StructureId))
        {
            foreach (var mois in new[] { 13, 11 })
                db.JournalAccesDonneesSensibles.Add(new JournalAccesDonneesSensibles
                {
                    StructureId = sc.StructureId,
                    Quand = Execution.AddMonths(-mois),
                    NomUtilisateur = "Test",
                    ParticipantId = sc.Bernard.Id,
                    Quoi = JournalisationAccesSensibles.CategoriesSensibles,
                });
            await db.SaveChangesAsync();
        }

        var resultat = await ExecuterAsync(sc);

        Assert.Equal(1, resultat.LecturesSensiblesPurgees);
        await using var lecture = _base.Systeme();
        var reste = Assert.Single(await lecture.JournalAccesDonneesSensibles.AsNoTracking().ToListAsync());
        Assert.Equal(Execution.AddMonths(-11), reste.Quand);
    }

    [Fact]
    public async Task Le_journal_des_executions_de_taches_de_plus_de_12_mois_est_purge_les_autres_gardes()
    {
        await using (var db = _base.Systeme())
        {
            foreach (var (mois, resultat) in new[] { (13, ResultatTache.Reussie), (11, ResultatTache.Reussie), (13, ResultatTache.EnCours) })
                db.ExecutionsTaches.Add(new ExecutionTache
                {
                    Cle = "conservation-donnees",
                    Declenchement = DeclenchementTache.Planifie,
                    DebutLe = Execution.AddMonths(-mois),
                    FinLe = resultat == ResultatTache.EnCours ? null : Execution.AddMonths(-mois).AddMinutes(1),
                    Resultat = resultat,
                    Noeud = "noeud-test",
                });
            await db.SaveChangesAsync();
        }

        await using (var db = _base.Systeme())
            Assert.Equal(1, await ServiceConservation.PurgerExecutionsTachesAsync(db, Execution));

        await using var lecture = _base.Systeme();
        var restes = await lecture.ExecutionsTaches.AsNoTracking().OrderBy(e => e.DebutLe).ToListAsync();
        Assert.Equal(2, restes.Count);
        Assert.Equal(ResultatTache.EnCours, restes[0].Resultat);
        Assert.Equal(Execution.AddMonths(-11), restes[1].DebutLe);
    }
}
