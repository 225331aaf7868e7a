using System.Security.Claims;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Domain.Entreprises;
using Clause.Domain.Marches;
using Clause.Domain.Operations;
using Clause.Domain.Participants;
using Clause.Domain.Structures;
using Clause.Infrastructure.Persistence;
using Clause.Web.Pages.Participants;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Infrastructure;

/// <summary>One row a combobox offers: the id posted, the text shown in the field, a detail shown under it.</summary>
public sealed record ResultatRecherche(string Id, string Libelle, string? Detail);

/// <summary>
/// What a combobox searches (issue 17 item 5: no whole-table list in a page). One source per kind of record of the
/// structure; each is served by its page under <c>/Recherche</c> (HTML for the no-JavaScript path, JSON for the
/// combobox) and names the selected record for the field (<see cref="TrouverAsync"/>). Every query filters on the
/// current structure explicitly (not only through the tenant filter), searches with LIKE on the search columns through
/// <see cref="RechercheTexte.Contient"/> (accents and case ignored, wildcards escaped, as the list pages do), keeps at most
/// <see cref="Taille"/> rows per page and sorts in the database.
/// </summary>
public abstract class SourceRecherche(string page, string objet)
{
    /// <summary>Rows per page of results (JSON and HTML).</summary>
    public const int Taille = 20;

    /// <summary>A longer term is cut (a search box, not a document): the LIKE pattern stays small.</summary>
    public const int LongueurTermeMax = 100;

    /// <summary>At most this many words, each of which must match.</summary>
    public const int MotsMax = 4;

    /// <summary>The search page, e.g. "/Recherche/Lots" (its JSON: <c>?handler=Json</c>).</summary>
    public string Page { get; } = page;

    /// <summary>What is searched, with its article: « un lot », « une entreprise ».</summary>
    public string Objet { get; } = objet;

    public abstract Task<PageDe<ResultatRecherche>> ChercherAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, string? terme, string? filtre,
        int numero, CancellationToken annulation);

    /// <summary>The record named by <paramref name="id"/> when the user may choose it (same structure, same filter); otherwise null.</summary>
    public abstract Task<ResultatRecherche?> TrouverAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, string? id, string? filtre,
        CancellationToken annulation);

    /// <summary>
    /// Whether the combobox offers this record (the same rule as its list): what a page checks on a posted id, so that a
    /// forged id — another structure's, a lot that does not receive contrats — is a field error and nothing is written.
    /// </summary>
    public async Task<bool> OffreAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, object? id, string? filtre, CancellationToken annulation) =>
        id is not null && await TrouverAsync(db, utilisateur, id.ToString(), filtre, annulation) is not null;

    /// <summary>
    /// The words of a term: trimmed, cut at <see cref="LongueurTermeMax"/> characters, normalised
    /// (<see cref="TexteRecherche.Normaliser"/>: « Hélène » gives « helene », « Saint-Étienne » two words), at most
    /// <see cref="MotsMax"/>. Each must be found in the row's search column(s).
    /// </summary>
    public static IReadOnlyList<string> Mots(string? terme)
    {
        var texte = (terme ?? string.Empty).Trim();
        if (texte.Length > LongueurTermeMax) texte = texte[..LongueurTermeMax];
        return TexteRecherche.Normaliser(texte).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MotsMax).ToList();
    }
}

/// <summary>A source over rows of <typeparamref name="TLigne"/>: the rows the user may choose, one word's match, the order, the display.</summary>
public abstract class SourceRecherche<TLigne>(string page, string objet) : SourceRecherche(page, objet)
{
    protected abstract IQueryable<TLigne> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre);

    /// <summary>The rows where one word (already a LIKE pattern, see <see cref="RechercheTexte.Contient"/>) matches.</summary>
    protected abstract IQueryable<TLigne> Contenant(IQueryable<TLigne> lignes, string motif, string mot);

    protected abstract IQueryable<TLigne> ParId(IQueryable<TLigne> lignes, Guid id);

    protected abstract IOrderedQueryable<TLigne> Ordonner(IQueryable<TLigne> lignes);

    protected abstract ResultatRecherche Resultat(TLigne ligne);

    public override async Task<PageDe<ResultatRecherche>> ChercherAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, string? terme, string? filtre,
        int numero, CancellationToken annulation)
    {
        var lignes = Lignes(db, utilisateur, filtre);
        foreach (var mot in Mots(terme)) lignes = Contenant(lignes, RechercheTexte.Contient(mot), mot);
        var page = await Ordonner(lignes).PaginerAsync(numero, Taille, annulation);
        return new PageDe<ResultatRecherche>(page.Elements.Select(Resultat).ToList(), page.Total, page.Numero, page.Taille);
    }

    public override async Task<ResultatRecherche?> TrouverAsync(ClauseDbContext db, ClaimsPrincipal utilisateur, string? id, string? filtre,
        CancellationToken annulation)
    {
        if (!Guid.TryParse(id, out var guid) || guid == Guid.Empty) return null;
        var ligne = await ParId(Lignes(db, utilisateur, filtre), guid).Take(1).ToListAsync(annulation);
        return ligne.Count == 0 ? null : Resultat(ligne[0]);
    }
}

/// <summary>The sources of the app, one per kind of record a form chooses.</summary>
public static class Recherches
{
    /// <summary>Lots with a clause (the contrats' filter); filter <see cref="SourceLots.Ouverts"/>: only those that receive contrats.</summary>
    public static readonly SourceLots Lots = new();

    public static readonly SourceEntreprises Entreprises = new();

    /// <summary>The participants the user may read (a Referent: his or her own).</summary>
    public static readonly SourceParticipants Participants = new();

    /// <summary>Opérations; filter <see cref="SourceOperations.NonCloses"/>: without the closed ones (a new marché).</summary>
    public static readonly SourceOperations Operations = new();

    public static readonly SourceDonneursOrdre DonneursOrdre = new();

    /// <summary>
    /// The installation's active structures, for the administrator's invitation (<c>/Admin/Recherche</c>; the
    /// administrator belongs to no structure).
    /// </summary>
    public static readonly SourceStructuresAdmin StructuresAdmin = new();

    /// <summary>The companies of ONE structure, its id being the filter (none without it): the administrator's invitation.</summary>
    public static readonly SourceEntreprisesAdmin EntreprisesAdmin = new();

    /// <summary>The donneurs d'ordre of ONE structure, its id being the filter (none without it): the administrator's invitation.</summary>
    public static readonly SourceDonneursOrdreAdmin DonneursOrdreAdmin = new();

    /// <summary>
    /// The structure named by an admin source's filter (a structure id), or null: an admin-wide source then offers nothing,
    /// rather than every structure's rows.
    /// </summary>
    public static StructureId? StructureDuFiltre(string? filtre) =>
        Guid.TryParse(filtre, out var id) && id != Guid.Empty ? StructureId.De(id) : null;
}

public sealed record LigneLotRecherche
{
    public LotId Id { get; init; }

    public string NumeroMarche { get; init; } = string.Empty;

    public int Numero { get; init; }

    public string Libelle { get; init; } = string.Empty;

    /// <summary>The lot's search column (its label).</summary>
    public string RechercheLot { get; init; } = string.Empty;

    /// <summary>The marché's search column (number and object).</summary>
    public string RechercheMarche { get; init; } = string.Empty;

    public DateOnly Debut { get; init; }

    public DateOnly Fin { get; init; }

    public StatutLot Statut { get; init; }
}

public sealed class SourceLots() : SourceRecherche<LigneLotRecherche>("/Recherche/Lots", "un lot")
{
    /// <summary>Lots that receive contrats: with a clause, in « Lancement » or « En exécution » (the contrat form).</summary>
    public const string Ouverts = "ouverts";

    private static readonly StatutLot[] StatutsOuverts = [StatutLot.Lancement, StatutLot.EnExecution];

    protected override IQueryable<LigneLotRecherche> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre)
    {
        var structureId = db.Contexte.StructureId;
        var lots = db.Lots.AsNoTracking().Where(l => l.StructureId == structureId && l.Fondements != Fondement.Aucun);
        if (filtre == Ouverts)
        {
            var ouverts = StatutsOuverts;
            lots = lots.Where(l => ouverts.Contains(l.Statut));
        }
        return from l in lots
               join m in db.Marches on l.MarcheId equals m.Id
               select new LigneLotRecherche
               {
                   Id = l.Id,
                   NumeroMarche = m.Numero,
                   Numero = l.Numero,
                   Libelle = l.Libelle,
                   RechercheLot = l.Recherche,
                   RechercheMarche = m.Recherche,
                   Debut = l.DebutExecution,
                   Fin = l.FinExecution,
                   Statut = l.Statut,
               };
    }

    protected override IQueryable<LigneLotRecherche> Contenant(IQueryable<LigneLotRecherche> lignes, string motif, string mot) =>
        lignes.Where(l => EF.Functions.Like(l.RechercheLot, motif, RechercheTexte.Echappement)
            || EF.Functions.Like(l.RechercheMarche, motif, RechercheTexte.Echappement));

    protected override IQueryable<LigneLotRecherche> ParId(IQueryable<LigneLotRecherche> lignes, Guid id)
    {
        var lotId = LotId.De(id);
        return lignes.Where(l => l.Id == lotId);
    }

    protected override IOrderedQueryable<LigneLotRecherche> Ordonner(IQueryable<LigneLotRecherche> lignes) =>
        lignes.OrderBy(l => l.NumeroMarche).ThenBy(l => l.Numero).ThenBy(l => l.Id);

    protected override ResultatRecherche Resultat(LigneLotRecherche l) =>
        new(l.Id.ToString(), Pages.Contrats.AccesContrats.NomLot(l.NumeroMarche, l.Numero, l.Libelle),
            $"{l.Statut.Libelle()}, exécution du {Affichage.Date(l.Debut)} au {Affichage.Date(l.Fin)}");
}

public class SourceEntreprises : SourceRecherche<Entreprise>
{
    public SourceEntreprises() : this("/Recherche/Entreprises")
    {
    }

    protected SourceEntreprises(string page) : base(page, "une entreprise")
    {
    }

    protected override IQueryable<Entreprise> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre)
    {
        var structureId = db.Contexte.StructureId;
        return db.Entreprises.AsNoTracking().Where(e => e.StructureId == structureId);
    }

    /// <summary>The name, or the SIRET when the word is digits (a SIRET is stored without spaces, often typed with them).</summary>
    protected override IQueryable<Entreprise> Contenant(IQueryable<Entreprise> lignes, string motif, string mot) =>
        mot.All(char.IsAsciiDigit)
            ? lignes.Where(e => EF.Functions.Like(e.Recherche, motif, RechercheTexte.Echappement) || EF.Functions.Like(e.Siret, motif, RechercheTexte.Echappement))
            : lignes.Where(e => EF.Functions.Like(e.Recherche, motif, RechercheTexte.Echappement));

    protected override IQueryable<Entreprise> ParId(IQueryable<Entreprise> lignes, Guid id)
    {
        var entrepriseId = EntrepriseId.De(id);
        return lignes.Where(e => e.Id == entrepriseId);
    }

    protected override IOrderedQueryable<Entreprise> Ordonner(IQueryable<Entreprise> lignes) => lignes.OrderBy(e => e.RaisonSociale).ThenBy(e => e.Id);

    protected override ResultatRecherche Resultat(Entreprise e) =>
        new(e.Id.ToString(), e.RaisonSociale,
            $"SIRET {(Siret.TryParse(e.Siret, out var siret) ? siret.ToString() : e.Siret)} — {e.TypeEmployeur.Libelle()}");
}

public sealed class SourceParticipants() : SourceRecherche<Participant>("/Recherche/Participants", "un participant")
{
    /// <summary>Never a category nor anything sensitive: the name and the birth date that tells two namesakes apart.</summary>
    protected override IQueryable<Participant> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre) =>
        AccesParticipants.Visibles(db, utilisateur);

    protected override IQueryable<Participant> Contenant(IQueryable<Participant> lignes, string motif, string mot) =>
        lignes.Where(p => EF.Functions.Like(p.Recherche, motif, RechercheTexte.Echappement));

    protected override IQueryable<Participant> ParId(IQueryable<Participant> lignes, Guid id)
    {
        var participantId = ParticipantId.De(id);
        return lignes.Where(p => p.Id == participantId);
    }

    protected override IOrderedQueryable<Participant> Ordonner(IQueryable<Participant> lignes) =>
        lignes.OrderBy(p => p.Nom).ThenBy(p => p.Prenom).ThenBy(p => p.Id);

    protected override ResultatRecherche Resultat(Participant p) =>
        new(p.Id.ToString(), $"{p.Nom} {p.Prenom}", $"né(e) le {Affichage.Date(p.DateNaissance)}, {p.Commune}");
}

public sealed record LigneOperationRecherche
{
    public OperationId Id { get; init; }

    public string Nom { get; init; } = string.Empty;

    public string Commune { get; init; } = string.Empty;

    public string DonneurOrdre { get; init; } = string.Empty;

    /// <summary>The opération's search column (name and commune).</summary>
    public string RechercheOperation { get; init; } = string.Empty;

    /// <summary>The donneur d'ordre's search column.</summary>
    public string RechercheDonneurOrdre { get; init; } = string.Empty;

    public StatutOperation Statut { get; init; }
}

public sealed class SourceOperations() : SourceRecherche<LigneOperationRecherche>("/Recherche/Operations", "une opération")
{
    /// <summary>Without the closed opérations (a new marché is never added to one).</summary>
    public const string NonCloses = "non-closes";

    protected override IQueryable<LigneOperationRecherche> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre)
    {
        var structureId = db.Contexte.StructureId;
        var operations = db.Operations.AsNoTracking().Where(o => o.StructureId == structureId);
        if (filtre == NonCloses) operations = operations.Where(o => o.Statut != StatutOperation.Close);
        return from o in operations
               join d in db.DonneursOrdre on o.DonneurOrdreId equals d.Id
               select new LigneOperationRecherche
               {
                   Id = o.Id,
                   Nom = o.Nom,
                   Commune = o.Commune,
                   DonneurOrdre = d.RaisonSociale,
                   RechercheOperation = o.Recherche,
                   RechercheDonneurOrdre = d.Recherche,
                   Statut = o.Statut,
               };
    }

    protected override IQueryable<LigneOperationRecherche> Contenant(IQueryable<LigneOperationRecherche> lignes, string motif, string mot) =>
        lignes.Where(o => EF.Functions.Like(o.RechercheOperation, motif, RechercheTexte.Echappement)
            || EF.Functions.Like(o.RechercheDonneurOrdre, motif, RechercheTexte.Echappement));

    protected override IQueryable<LigneOperationRecherche> ParId(IQueryable<LigneOperationRecherche> lignes, Guid id)
    {
        var operationId = OperationId.De(id);
        return lignes.Where(o => o.Id == operationId);
    }

    protected override IOrderedQueryable<LigneOperationRecherche> Ordonner(IQueryable<LigneOperationRecherche> lignes) =>
        lignes.OrderBy(o => o.Nom).ThenBy(o => o.Id);

    protected override ResultatRecherche Resultat(LigneOperationRecherche o) =>
        new(o.Id.ToString(), $"{o.Nom} ({o.Commune})", $"{o.DonneurOrdre} — {o.Statut.Libelle()}");
}

public class SourceDonneursOrdre : SourceRecherche<DonneurOrdre>
{
    public SourceDonneursOrdre() : this("/Recherche/DonneursOrdre")
    {
    }

    protected SourceDonneursOrdre(string page) : base(page, "un donneur d'ordre")
    {
    }

    protected override IQueryable<DonneurOrdre> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre)
    {
        var structureId = db.Contexte.StructureId;
        return db.DonneursOrdre.AsNoTracking().Where(d => d.StructureId == structureId);
    }

    protected override IQueryable<DonneurOrdre> Contenant(IQueryable<DonneurOrdre> lignes, string motif, string mot) =>
        lignes.Where(d => EF.Functions.Like(d.Recherche, motif, RechercheTexte.Echappement)
            || EF.Functions.Like(d.Siret!, motif, RechercheTexte.Echappement));

    protected override IQueryable<DonneurOrdre> ParId(IQueryable<DonneurOrdre> lignes, Guid id)
    {
        var donneurId = DonneurOrdreId.De(id);
        return lignes.Where(d => d.Id == donneurId);
    }

    protected override IOrderedQueryable<DonneurOrdre> Ordonner(IQueryable<DonneurOrdre> lignes) => lignes.OrderBy(d => d.RaisonSociale).ThenBy(d => d.Id);

    protected override ResultatRecherche Resultat(DonneurOrdre d) =>
        new(d.Id.ToString(), d.Commune is null ? d.RaisonSociale : $"{d.RaisonSociale} ({d.Commune})", d.Type.Libelle());
}

/// <summary>
/// The companies of the structure given by the filter, across the tenant filter: the administrator has no structure, so
/// this read names its structure explicitly (<c>IgnoreQueryFilters()</c>, tagged <see cref="ClauseDbContext.LectureToutesStructures"/>).
/// Same match, order and display as the structure's own source.
/// </summary>
public sealed class SourceEntreprisesAdmin() : SourceEntreprises("/Admin/Recherche/Entreprises")
{
    protected override IQueryable<Entreprise> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre)
    {
        var structureId = Recherches.StructureDuFiltre(filtre);
        return db.Entreprises.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures).AsNoTracking()
            .Where(e => structureId != null && e.StructureId == structureId);
    }
}

/// <summary>The donneurs d'ordre of the structure given by the filter, across the tenant filter (see <see cref="SourceEntreprisesAdmin"/>).</summary>
public sealed class SourceDonneursOrdreAdmin() : SourceDonneursOrdre("/Admin/Recherche/DonneursOrdre")
{
    protected override IQueryable<DonneurOrdre> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre)
    {
        var structureId = Recherches.StructureDuFiltre(filtre);
        return db.DonneursOrdre.IgnoreQueryFilters().TagWith(ClauseDbContext.LectureToutesStructures).AsNoTracking()
            .Where(d => structureId != null && d.StructureId == structureId);
    }
}

/// <summary>The installation's active structures (a global table: no tenant filter to set aside), by name.</summary>
public sealed class SourceStructuresAdmin() : SourceRecherche<Structure>("/Admin/Recherche/Structures", "une structure")
{
    protected override IQueryable<Structure> Lignes(ClauseDbContext db, ClaimsPrincipal utilisateur, string? filtre) =>
        db.Structures.AsNoTracking().Where(s => s.Active);

    protected override IQueryable<Structure> Contenant(IQueryable<Structure> lignes, string motif, string mot) =>
        lignes.Where(s => EF.Functions.Like(s.Recherche, motif, RechercheTexte.Echappement));

    protected override IQueryable<Structure> ParId(IQueryable<Structure> lignes, Guid id)
    {
        var structureId = StructureId.De(id);
        return lignes.Where(s => s.Id == structureId);
    }

    protected override IOrderedQueryable<Structure> Ordonner(IQueryable<Structure> lignes) => lignes.OrderBy(s => s.Nom).ThenBy(s => s.Id);

    protected override ResultatRecherche Resultat(Structure s) =>
        new(s.Id.ToString(), s.Commune is null ? s.Nom : $"{s.Nom} ({s.Commune})", s.Type.Libelle());
}
