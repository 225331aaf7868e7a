using Clause.Domain.Commun;
using Clause.Domain.Contrats;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Heures;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Infrastructure.Import;

// One method per sheet: read the cells, resolve the references, call the domain method the page of that record calls.
internal sealed partial class ExecutionImport
{
    private readonly Dictionary<string, DonneurOrdre> _donneurs = [];
    private readonly Dictionary<string, Operation> _operations = [];
    private readonly Dictionary<string, Marche> _marches = [];
    private readonly Dictionary<string, Lot> _lots = [];
    private readonly Dictionary<string, Entreprise> _entreprises = [];
    private readonly Dictionary<string, Participant> _participants = [];
    private readonly Dictionary<string, Contrat> _contrats = [];

    private static readonly Dictionary<string, string> Aucun = [];

    // ---------------------------------------------------------------- DonneursOrdre
    private async Task DonneursOrdreAsync(List<LigneImport> lignes, Compteur compteur, CancellationToken annulation)
    {
        var ids = LiensPropres(lignes, "DonneursOrdre").Select(DonneurOrdreId.De).ToList();
        var existants = await db.DonneursOrdre.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id.Valeur, annulation).ConfigureAwait(false);
        // The unique index (StructureId, Siret) is the rule; a whole workbook saved at once cannot tell which row broke it,
        // so the SIRETs already held are read first and a row that would break it is named.
        var sirets = await db.DonneursOrdre.AsNoTracking().Where(d => d.Siret != null).Select(d => new { d.Id, d.Siret, d.RaisonSociale })
            .ToListAsync(annulation).ConfigureAwait(false);
        var siretsPris = sirets.ToDictionary(s => s.Siret!, s => (s.Id.Valeur, $"le donneur d'ordre « {s.RaisonSociale} »"));
        var suivis = new List<Suivi>();
        foreach (var ligne in lignes)
        {
            var raison = ligne.Texte("RaisonSociale");
            var type = ligne.Valeur("Type", ConversionsImport.Code<TypeDonneurOrdre>);
            var siret = ligne.Valeur("Siret", ConversionsImport.Siret);
            var commune = ligne.Texte("Commune");
            if (ligne.Ref is null || type is null || !ligne.Valide) { Conclure(ligne); continue; }
            var existant = Lien("DonneursOrdre", ligne.Ref) is { } id && existants.TryGetValue(id, out var d) ? d : null;
            DonneurOrdre? donneur = existant;
            if (Domaine(ligne, () =>
                {
                    if (existant is null) donneur = DonneurOrdre.Creer(structureId, raison, type.Value, siret?.Valeur, null, null, commune);
                    else existant.Modifier(raison, type.Value, siret?.Valeur, existant.Adresse, existant.CodePostal, commune);
                }, Aucun, "RaisonSociale"))
            {
                if (siret is { } s && siretsPris.TryGetValue(s.Valeur, out var pris) && pris.Item1 != donneur!.Id.Valeur)
                    ligne.Erreur("Siret", $"Ce SIRET est déjà celui de {pris.Item2} dans votre structure.");
                else if (siret is { } s2) siretsPris[s2.Valeur] = (donneur!.Id.Valeur, $"la ligne {ligne.Numero}");
            }
            Conclure(ligne);
            if (!ligne.Valide) continue;
            if (existant is null)
            {
                db.DonneursOrdre.Add(donneur!);
                Lier("DonneursOrdre", ligne.Ref, donneur!.Id.Valeur);
            }
            _donneurs[ligne.Ref] = donneur!;
            suivis.Add(new Suivi(donneur!, existant is null, donneur!.Id.Valeur));
        }
        Compter(compteur, suivis);
    }

    // ---------------------------------------------------------------- Operations
    private async Task OperationsAsync(List<LigneImport> lignes, Compteur compteur, CancellationToken annulation)
    {
        var donneurs = LiensVers(lignes, "DonneurOrdre", "DonneursOrdre").Select(DonneurOrdreId.De).ToList();
        foreach (var d in await db.DonneursOrdre.Where(x => donneurs.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
            _donneurs[RefDe("DonneursOrdre", d.Id.Valeur)] = d;
        var ids = LiensPropres(lignes, "Operations").Select(OperationId.De).ToList();
        var existants = await db.Operations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id.Valeur, annulation).ConfigureAwait(false);
        var suivis = new List<Suivi>();
        foreach (var ligne in lignes)
        {
            var donneur = Reference(ligne, "DonneurOrdre", _donneurs);
            var nom = ligne.Texte("Nom");
            var commune = ligne.Texte("Commune");
            var anru = ligne.Valeur("Anru", ConversionsImport.Booleen) ?? false;
            var qpv = ligne.Valeur("Qpv", ConversionsImport.Booleen) ?? false;
            var codeQpv = ligne.Texte("CodeQpv");
            var objectif = ligne.Valeur("ObjectifQpvPct", ConversionsImport.Pourcentage);
            var statut = ligne.Valeur("Statut", ConversionsImport.Code<StatutOperation>);
            if (ligne.Ref is null || donneur is null || !ligne.Valide) { Conclure(ligne); continue; }
            var existant = Lien("Operations", ligne.Ref) is { } id && existants.TryGetValue(id, out var o) ? o : null;
            var operation = existant;
            var colonnes = new Dictionary<string, string> { ["EnQpv"] = "Qpv", ["ObjectifPartQpvPdb"] = "ObjectifQpvPct", ["Programme"] = "Anru", ["OperationId"] = "Ref" };
            Domaine(ligne, () =>
            {
                if (existant is not null && existant.DonneurOrdreId != donneur.Id)
                    throw new RegleMetierException("DonneurOrdre", "Une opération ne change pas de donneur d'ordre : créez une nouvelle ligne avec une autre référence.");
                var programme = !anru ? ProgrammeRenouvellement.Aucun
                    : existant is { EstRenouvellementUrbain: true } ? existant.Programme : ProgrammeRenouvellement.Anru;
                if (existant is null)
                    operation = Operation.Creer(donneur, nom, commune, null, null, programme, qpv, codeQpv, objectif);
                else
                    existant.Modifier(nom, commune, existant.DebutPrevisionnel, existant.FinPrevisionnelle, programme, qpv, codeQpv, objectif);
                if (statut is { } cible) AmenerAuStatut(operation!, cible);
            }, colonnes, "Nom");
            Conclure(ligne);
            if (!ligne.Valide) continue;
            if (existant is null)
            {
                db.Operations.Add(operation!);
                Lier("Operations", ligne.Ref, operation!.Id.Valeur);
            }
            _operations[ligne.Ref] = operation!;
            suivis.Add(new Suivi(operation!, existant is null, operation!.Id.Valeur));
        }
        Compter(compteur, suivis);
    }

    /// <summary>The status pipeline one step at a time, as the status page moves it (a step back with the import's reason).</summary>
    private static void AmenerAuStatut(Operation operation, StatutOperation cible)
    {
        while (operation.Statut < cible) operation.ChangerStatut(operation.Statut + 1);
        while (operation.Statut > cible) operation.ChangerStatut(operation.Statut - 1, MotifImport);
    }

    /// <summary>The Ref (key) an earlier import gave a record, for a record loaded through its link.</summary>
    private string RefDe(string feuille, Guid id)
    {
        _refsParId ??= _liens.ToDictionary(l => (l.Key.Feuille, l.Value), l => l.Key.Ref);
        return _refsParId[(feuille, id)];
    }

    private Dictionary<(string Feuille, Guid Id), string>? _refsParId;

    // ---------------------------------------------------------------- Marches and Lots
    /// <summary>A marché row read, waiting for its lots (a marché is created with its lots, in one call).</summary>
    private sealed record MarcheLu(LigneImport Ligne, Operation Operation, string? Numero, string? Objet, TypeMarche Type, DateOnly? Notification,
        DateOnly Debut, DateOnly Fin, Montant Montant);

    private sealed record LotLu(LigneImport Ligne, string MarcheRef, int Numero, NouveauLot Nouveau, Fondement Fondements, ParametresObligation Parametres,
        bool? Formation, Duree? HeuresDuesDonnees);

    private async Task MarchesEtLotsAsync(List<LigneImport> lignesMarches, Compteur compteurMarches, List<LigneImport> lignesLots, Compteur compteurLots,
        CancellationToken annulation)
    {
        var operations = LiensVers(lignesMarches, "Operation", "Operations").Select(OperationId.De).ToList();
        foreach (var o in await db.Operations.Where(x => operations.Contains(x.Id)).ToListAsync(annulation).ConfigureAwait(false))
            _operations[RefDe("Operations", o.Id.Valeur)] = o;
        var idsMarches = LiensPropres(lignesMarches, "Marches").Concat(LiensVers(lignesLots, "Marche", "Marches")).Select(MarcheId.De).Distinct().ToList();
        var marchesExistants = await db.Marches.Include(m => m.Lots).ThenInclude(l => l.Attributions)
            .Include(m => m.Lots).ThenInclude(l => l.Obligations)
            .Where(m => idsMarches.Contains(m.Id)).AsSplitQuery().ToDictionaryAsync(m => m.Id.Valeur, annulation).ConfigureAwait(false);
        var lotsExistants = marchesExistants.Values.SelectMany(m => m.Lots).ToDictionary(l => l.Id.Valeur);
        var numerosPris = (await db.Marches.AsNoTracking().Select(m => new { m.Id, m.DonneurOrdreId, m.Numero }).ToListAsync(annulation).ConfigureAwait(false))
            .ToDictionary(m => (m.DonneurOrdreId, m.Numero.ToUpperInvariant()), m => m.Id.Valeur);

        // 1. The marchés' rows.
        var lus = new Dictionary<string, MarcheLu>();
        foreach (var ligne in lignesMarches)
        {
            var operation = Reference(ligne, "Operation", _operations);
            var numero = ligne.Texte("Numero");
            var objet = ligne.Texte("Objet");
            var type = ligne.Valeur("Type", ConversionsImport.Code<TypeMarche>);
            var notification = ligne.Valeur("DateNotification", ConversionsImport.Date);
            var debut = ligne.Valeur("DebutExecution", ConversionsImport.Date);
            var fin = ligne.Valeur("FinExecution", ConversionsImport.Date);
            var montant = ligne.Valeur("MontantHT", ConversionsImport.Montant);
            if (ligne.Ref is null || operation is null || type is null || debut is null || fin is null || montant is null || !ligne.Valide)
            {
                Conclure(ligne);
                continue;
            }
            lus[ligne.Ref] = new MarcheLu(ligne, operation, numero, objet, type.Value, notification, debut.Value, fin.Value, montant.Value);
        }

        // 2. The lots' rows, by marché.
        var lotsLus = new List<LotLu>();
        var numerosLots = new Dictionary<(string, int), int>();
        foreach (var ligne in lignesLots)
        {
            var marcheRef = ligne.Texte("Marche") is { } m ? Cle(m) : null;
            if (marcheRef is not null && !lus.ContainsKey(marcheRef))
            {
                // Not a marché row of this workbook that passed: a linked one, a refused one, or nothing.
                if (Lien("Marches", marcheRef) is { } idM && marchesExistants.TryGetValue(idM, out var me)) _marches[marcheRef] = me;
                else Reference(ligne, "Marche", _marches);
            }
            var numeroTexte = ligne.Texte("Numero");
            int? numero = null;
            if (numeroTexte is not null)
            {
                if (int.TryParse(numeroTexte, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1) numero = n;
                else ligne.Erreur("Numero", $"« {numeroTexte} » n'est pas un numéro de lot : attendu un nombre entier à partir de 1.");
            }
            var libelle = ligne.Texte("Libelle");
            var montant = ligne.Valeur("MontantHT", ConversionsImport.Montant);
            var debut = ligne.Valeur("DebutExecution", ConversionsImport.Date);
            var fin = ligne.Valeur("FinExecution", ConversionsImport.Date);
            var fondements = ligne.Liste("Fondement", ConversionsImport.Fondement);
            var methode = ligne.Valeur("Methode", ConversionsImport.Code<MethodeCalcul>);
            var part = ligne.Valeur("PartMainOeuvrePct", ConversionsImport.Pourcentage);
            var taux = ligne.Valeur("TauxInsertionPct", ConversionsImport.Pourcentage);
            var cout = ligne.Valeur("CoutHoraire", ConversionsImport.Montant);
            var travaillees = ligne.Valeur("HeuresTravailleesEstimees", ConversionsImport.Heures);
            var dues = ligne.Valeur("HeuresDues", ConversionsImport.Heures);
            var formation = ligne.Valeur("FormationComptabilisee", ConversionsImport.Booleen);
            if (marcheRef is not null && numero is { } num)
            {
                if (numerosLots.TryGetValue((marcheRef, num), out var autre))
                    ligne.Erreur("Numero", $"Le lot n°{num} de ce marché est déjà la ligne {autre} de cette feuille.");
                else numerosLots[(marcheRef, num)] = ligne.Numero;
            }
            if (ligne.Ref is null || marcheRef is null || numero is null || montant is null || debut is null || fin is null || fondements is null || methode is null
                || !ligne.Valide || !(lus.ContainsKey(marcheRef) || _marches.ContainsKey(marcheRef)))
            {
                Conclure(ligne);
                continue;
            }
            var colonnes = ColonnesLot;
            Fondement combines = Fondement.Aucun;
            ParametresObligation? parametres = null;
            var v = new Verification();
            v.Verifier(() => combines = ReglesFondement.Combiner(fondements));
            v.Verifier(() => parametres = methode switch
            {
                MethodeCalcul.F1 => ParametresObligation.F1(taux ?? throw Requise("TauxInsertionPct", "F1")),
                MethodeCalcul.F2 => ParametresObligation.F2(taux ?? throw Requise("TauxInsertionPct", "F2"),
                    travaillees ?? throw Requise("HeuresTravailleesEstimees", "F2")),
                MethodeCalcul.F3 => ParametresObligation.F3(dues ?? throw Requise("HeuresDues", "F3")),
                _ => ParametresObligation.Aucune,
            });
            if (!Domaine(ligne, v.Lever, colonnes, "Ref")) { Conclure(ligne); continue; }
            lotsLus.Add(new LotLu(ligne, marcheRef, numero.Value,
                new NouveauLot(numero, libelle, montant, debut, fin, combines, parametres, part, cout), combines, parametres!, formation, dues));
        }

        // 3. New marchés with their lots (one call, as the creation page), existing ones changed, and their lots.
        var suivisMarches = new List<Suivi>();
        var suivisLots = new List<Suivi>();
        foreach (var (cle, lu) in lus)
        {
            var sesLots = lotsLus.Where(l => l.MarcheRef == cle).ToList();
            var existant = Lien("Marches", cle) is { } id && marchesExistants.TryGetValue(id, out var me) ? me : null;
            Marche? marche = existant;
            if (existant is null)
            {
                var cree = false;
                try
                {
                    marche = Marche.Creer(lu.Operation, lu.Numero, lu.Objet, lu.Type, lu.Notification, lu.Debut, lu.Fin, lu.Montant,
                        sesLots.Select(l => l.Nouveau).ToList(), reglages, horloge);
                    cree = true;
                }
                catch (RegleMetierException ex)
                {
                    foreach (var e in ex.Toutes)
                    {
                        if (e.Champ.StartsWith("Lots[", StringComparison.Ordinal) && int.TryParse(e.Champ[5..e.Champ.IndexOf(']', StringComparison.Ordinal)], out var i) && i < sesLots.Count)
                            sesLots[i].Ligne.Erreur(ColonneDe(FormatImport.Lots, e.Champ, ColonnesLot, "Ref"), e.Message);
                        else lu.Ligne.Erreur(ColonneDe(FormatImport.Marches, e.Champ, ColonnesMarche, "Numero"), e.Message);
                    }
                    // A marché refused for its lots' sake still says so on its own row.
                    if (lu.Ligne.Valide) lu.Ligne.Valide = false;
                }
                if (cree) VerifierNumero(lu, marche!, numerosPris);
            }
            else
            {
                Domaine(lu.Ligne, () =>
                {
                    if (existant.OperationId != lu.Operation.Id)
                        throw new RegleMetierException("Operation", "Un marché ne change pas d'opération : créez une nouvelle ligne avec une autre référence.");
                    if (existant.Type != lu.Type)
                        throw new RegleMetierException("Type", $"Le type d'un marché ne change pas (ici « {existant.Type.Libelle()} »).");
                    existant.Modifier(lu.Numero, lu.Objet, lu.Notification, lu.Debut, lu.Fin, lu.Montant);
                }, ColonnesMarche, "Numero");
                if (lu.Ligne.Valide) VerifierNumero(lu, existant, numerosPris);
            }
            Conclure(lu.Ligne);
            foreach (var l in sesLots) if (!lu.Ligne.Valide) { l.Ligne.Valide = false; Conclure(l.Ligne); }
            if (!lu.Ligne.Valide) continue;
            if (existant is null)
            {
                db.Marches.Add(marche!);
                Lier("Marches", cle, marche!.Id.Valeur);
            }
            _marches[cle] = marche!;
            suivisMarches.Add(new Suivi(marche!, existant is null, marche!.Id.Valeur));
            foreach (var l in sesLots)
            {
                if (existant is null)
                {
                    var lot = marche!.Lots.Single(x => x.Numero == l.Numero);
                    ApresLot(l, lot, nouveau: true, suivisLots);
                }
                else AppliquerLot(l, marche!, lotsExistants, suivisLots);
            }
        }
        // Lots of marchés of an earlier import (not rows of this workbook).
        foreach (var l in lotsLus.Where(l => !lus.ContainsKey(l.MarcheRef) && _marches.ContainsKey(l.MarcheRef)))
            AppliquerLot(l, _marches[l.MarcheRef], lotsExistants, suivisLots);
        Compter(compteurMarches, suivisMarches);
        Compter(compteurLots, suivisLots);
    }

    private static readonly Dictionary<string, string> ColonnesMarche = new()
    {
        ["MontantHT"] = "MontantHT",
        ["OperationId"] = "Operation",
        ["Lots"] = "Ref",
        [""] = "Ref",
    };

    private static readonly Dictionary<string, string> ColonnesLot = new()
    {
        ["Fondements"] = "Fondement",
        ["PartMainOeuvrePdb"] = "PartMainOeuvrePct",
        ["CoutHoraireReferenceCentimes"] = "CoutHoraire",
        ["TauxInsertion"] = "TauxInsertionPct",
        ["HeuresSaisies"] = "HeuresDues",
        ["HeuresTravailleesEstimees"] = "HeuresTravailleesEstimees",
        ["PlafondFormationPdb"] = "FormationComptabilisee",
        ["Motif"] = "Ref",
        [""] = "Ref",
    };

    private static RegleMetierException Requise(string colonne, string methode) =>
        new(colonne, $"Cette colonne est obligatoire pour la méthode {methode}.");

    /// <summary>The unique index (donneur d'ordre, numéro) is the rule: a number already held (in the base or above) is named.</summary>
    private static void VerifierNumero(MarcheLu lu, Marche marche, Dictionary<(DonneurOrdreId, string), Guid> numerosPris)
    {
        var cle = (marche.DonneurOrdreId, marche.Numero.ToUpperInvariant());
        if (numerosPris.TryGetValue(cle, out var autre) && autre != marche.Id.Valeur)
            lu.Ligne.Erreur("Numero", "Un marché de ce donneur d'ordre porte déjà ce numéro.");
        else numerosPris[cle] = marche.Id.Valeur;
    }

    /// <summary>A lot row of an existing marché: a new lot (<see cref="Marche.AjouterLot"/>) or its lot changed as its pages change it.</summary>
    private void AppliquerLot(LotLu l, Marche marche, Dictionary<Guid, Lot> lotsExistants, List<Suivi> suivis)
    {
        var existant = Lien("Lots", l.Ligne.Ref!) is { } id && lotsExistants.TryGetValue(id, out var le) ? le : null;
        Lot? lot = existant;
        Domaine(l.Ligne, () =>
        {
            if (existant is null)
            {
                lot = marche.AjouterLot(l.Nouveau, reglages, horloge);
                return;
            }
            if (existant.MarcheId != marche.Id)
                throw new RegleMetierException("Marche", "Un lot ne change pas de marché : créez une nouvelle ligne avec une autre référence.");
            if (existant.Numero != l.Numero)
                throw new RegleMetierException("Numero", $"Le numéro d'un lot ne change pas (ici {existant.Numero}).");
            existant.Modifier(marche, l.Nouveau.Libelle, l.Nouveau.DebutExecution!.Value, l.Nouveau.FinExecution!.Value,
                l.Nouveau.PartMainOeuvre ?? new Taux(existant.PartMainOeuvrePdb), l.Nouveau.CoutHoraireReference, l.Formation ?? existant.FormationComptabilisee,
                existant.PlafondFormationPdb is { } p ? new Taux(p) : null);
            if (l.Nouveau.MontantHT is { } montant && montant != existant.MontantHT)
                existant.AppliquerAvenant(montant, MotifImport, _aujourdhui, reglages, horloge);
            if (!MemeObligation(existant, l.Fondements, l.Parametres))
                existant.ModifierObligation(l.Fondements, l.Parametres, _aujourdhui, MotifImport, reglages, horloge);
        }, ColonnesLot, "Ref");
        if (!l.Ligne.Valide) { Conclure(l.Ligne); return; }
        ApresLot(l, lot!, existant is null, suivis);
    }

    /// <summary>The version in force already says these fondements and these parameters (then nothing is versioned).</summary>
    private static bool MemeObligation(Lot lot, Fondement fondements, ParametresObligation parametres) =>
        lot.Fondements == fondements && lot.ObligationCourante is { } o && o.Methode == parametres.Methode
        && o.TauxInsertionPdb == parametres.TauxInsertion?.PointsDeBase
        && o.HeuresTravailleesEstimeesMinutes == parametres.HeuresTravailleesEstimees?.Minutes
        && o.HeuresSaisiesMinutes == parametres.HeuresSaisies?.Minutes;

    /// <summary>After the lot passed: the training rule of the row, the F1/F2 hours due given in the workbook compared (§3.1).</summary>
    private void ApresLot(LotLu l, Lot lot, bool nouveau, List<Suivi> suivis)
    {
        if (nouveau && l.Formation is { } formation && formation != lot.FormationComptabilisee)
            Domaine(l.Ligne, () => lot.ModifierParametres(new Taux(lot.PartMainOeuvrePdb),
                lot.CoutHoraireReferenceCentimes is { } c ? new Montant(c) : null, formation,
                lot.PlafondFormationPdb is { } p ? new Taux(p) : null), ColonnesLot, "Ref");
        if (l.Parametres.Methode is MethodeCalcul.F1 or MethodeCalcul.F2 && l.HeuresDuesDonnees is { } donnees && donnees != lot.HeuresDues)
            l.Ligne.Erreur("HeuresDues", $"Clause calcule {CalculHeuresDues.FormaterHeures(lot.HeuresDues)} ({lot.ExplicationHeuresDues()}) : "
                + $"le classeur indique {CalculHeuresDues.FormaterHeures(donnees)}. Corrigez les paramètres du lot ou videz cette cellule.");
        Conclure(l.Ligne);
        if (!l.Ligne.Valide) return;
        if (nouveau) Lier("Lots", l.Ligne.Ref!, lot.Id.Valeur);
        _lots[l.Ligne.Ref!] = lot;
        suivis.Add(new Suivi(lot, nouveau, lot.Id.Valeur));
    }

    // ---------------------------------------------------------------- Entreprises
    private async Task EntreprisesAsync(List<LigneImport> lignes, Compteur compteur, CancellationToken annulation)
    {
        var ids = LiensPropres(lignes, "Entreprises").Select(EntrepriseId.De).ToList();
        var existants = await db.Entreprises.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id.Valeur, annulation).ConfigureAwait(false);
        // As for the donneurs d'ordre: the unique index (StructureId, Siret) is the rule, read first so the row is named.
        var siretsPris = (await db.Entreprises.AsNoTracking().Select(e => new { e.Id, e.Siret, e.RaisonSociale }).ToListAsync(annulation).ConfigureAwait(false))
            .ToDictionary(e => e.Siret, e => (e.Id.Valeur, $"l'entreprise « {e.RaisonSociale} »"));
        var suivis = new List<Suivi>();
        foreach (var ligne in lignes)
        {
            var raison = ligne.Texte("RaisonSociale");
            var siret = ligne.Valeur("Siret", ConversionsImport.Siret);
            var type = ligne.Valeur("Type", ConversionsImport.Code<TypeEmployeur>);
            if (ligne.Ref is null || siret is null || type is null || !ligne.Valide) { Conclure(ligne); continue; }
            var existant = Lien("Entreprises", ligne.Ref) is { } id && existants.TryGetValue(id, out var e) ? e : null;
            var entreprise = existant;
            if (Domaine(ligne, () =>
                {
                    if (existant is null) entreprise = Entreprise.Creer(structureId, raison, siret.Value.Valeur, type.Value);
                    else existant.Modifier(raison, siret.Value.Valeur, type.Value);
                }, new Dictionary<string, string> { ["TypeEmployeur"] = "Type" }, "RaisonSociale"))
            {
                if (siretsPris.TryGetValue(siret.Value.Valeur, out var pris) && pris.Item1 != entreprise!.Id.Valeur)
                    ligne.Erreur("Siret", $"Ce SIRET est déjà celui de {pris.Item2} dans votre structure : une entreprise ne peut être enregistrée qu'une fois.");
                else siretsPris[siret.Value.Valeur] = (entreprise!.Id.Valeur, $"la ligne {ligne.Numero}");
            }
            Conclure(ligne);
            if (!ligne.Valide) continue;
            if (existant is null)
            {
                db.Entreprises.Add(entreprise!);
                Lier("Entreprises", ligne.Ref, entreprise!.Id.Valeur);
            }
            _entreprises[ligne.Ref] = entreprise!;
            suivis.Add(new Suivi(entreprise!, existant is null, entreprise!.Id.Valeur));
        }
        Compter(compteur, suivis);
    }

    // ---------------------------------------------------------------- Attributions
    private void Attributions(List<LigneImport> lignes, Compteur compteur)
    {
        // Lots and companies of earlier imports are not loaded here: an attribution names rows of this workbook (the lots of a
        // linked marché were loaded with it).
        var vues = new Dictionary<(LotId, EntrepriseId), int>();
        var suivis = new List<Suivi>();
        foreach (var ligne in lignes)
        {
            var lot = Reference(ligne, "Lot", _lots);
            var entreprise = Reference(ligne, "Entreprise", _entreprises);
            var role = ligne.Valeur("Role", ConversionsImport.Code<RoleAttribution>);
            var date = ligne.Valeur("DateNotification", ConversionsImport.Date);
            if (lot is null || entreprise is null || role is null || !ligne.Valide) continue;
            if (vues.TryGetValue((lot.Id, entreprise.Id), out var autre))
            {
                ligne.Erreur("Entreprise", $"Cette entreprise figure déjà ligne {autre} pour ce lot : une entreprise tient un lot dans un seul rôle.");
                continue;
            }
            vues[(lot.Id, entreprise.Id)] = ligne.Numero;
            var existante = lot.Attributions.FirstOrDefault(a => a.EntrepriseId == entreprise.Id);
            Attribution? attribution = existante;
            var colonnes = new Dictionary<string, string> { ["EntrepriseId"] = "Entreprise", ["Attributions"] = "Role" };
            Domaine(ligne, () =>
            {
                if (existante is not null && existante.Role == role.Value)
                {
                    lot.ModifierDateNotification(existante.Id, date);
                    return;
                }
                if (existante is not null) lot.RetirerAttribution(existante.Id);
                attribution = lot.Attribuer(entreprise, role.Value, date);
            }, colonnes, "Lot");
            if (!ligne.Valide) continue;
            if (attribution != existante) db.Attributions.Add(attribution!);
            suivis.Add(new Suivi(attribution!, existante is null, attribution!.Id));
        }
        // A role changed is a removed and a new attribution: counted updated, not created.
        db.ChangeTracker.DetectChanges();
        foreach (var s in suivis)
        {
            if (s.Cree) compteur.Crees++;
            else if (db.Entry(s.Entite).State is EntityState.Modified or EntityState.Added) compteur.Modifies++;
            else compteur.Inchanges++;
        }
    }
}
