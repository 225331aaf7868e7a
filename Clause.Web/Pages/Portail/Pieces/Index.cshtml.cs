using Clause.Domain.Commun;
using Clause.Domain.Pieces;
using Clause.Infrastructure.Persistence;
using Clause.Infrastructure.Pieces;
using Clause.Web.Infrastructure;
using Clause.Web.Pages.Heures;
using Clause.Web.Pages.Pieces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages.Portail.Pieces;

/// <summary>
/// The company's proofs: of one month (<c>?mois=2026-02</c>), of one of its contrats (<c>?contrat=…</c>), or all of them,
/// newest first, with the link to upload one and — for the contact who uploaded it, while its hours are not validated —
/// to delete it. A month that is not one, or a contrat that is not the company's, is a 404.
/// </summary>
public sealed class IndexModel(ClauseDbContext db) : PageListe
{
    public Mois? Mois { get; private set; }

    public ContratId? ContratId { get; private set; }

    /// <summary>The contrat filtered on, as the company names it.</summary>
    public string? Contrat { get; private set; }

    public ListePieces Liste { get; private set; } = null!;

    /// <summary>The upload form, with this list's month and contrat already chosen.</summary>
    public string LienDepot => "/Portail/Pieces/Deposer" + AdresseDe(Mois, ContratId)["/Portail/Pieces".Length..];

    protected override string Adresse => "/Portail/Pieces";

    protected override IEnumerable<KeyValuePair<string, string?>> Filtres() =>
        [new("mois", Mois?.ToString()), new("contrat", ContratId?.ToString())];

    public async Task<IActionResult> OnGetAsync(string? mois, ContratId? contrat, CancellationToken annulation)
    {
        var pieces = AccesPieces.Visibles(db, User);
        if (!string.IsNullOrEmpty(mois))
        {
            if (!AccesHeures.TryLireMois(mois, out var m)) return NotFound();
            Mois = m;
            pieces = pieces.Where(p => p.Mois == m);
        }
        if (contrat is { } c)
        {
            Contrat = (await ContratsPortail.DeLEntreprise(db).Where(x => x.Id == c).FirstOrDefaultAsync(annulation))?.Libelle;
            if (Contrat is null) return NotFound();
            ContratId = c;
            pieces = pieces.Where(p => p.ContratId == c);
        }
        var lignes = from p in pieces
                     orderby p.DeposeeLe descending, p.Id descending
                     select new LignePiece(p.Id, p.Nature, p.NomOriginal, p.Taille, p.DeposeeLe, p.DeposeeParNom, p.Mois,
                         (from k in db.Contrats
                          where k.Id == p.ContratId
                          join pa in db.Participants on k.ParticipantId equals pa.Id
                          select pa.Prenom + " " + pa.Nom).FirstOrDefault());
        var page = await ListerAsync(lignes, annulation);
        var resumes = page.Elements.Select(l => new PieceResume(l.Id, l.Nature, l.NomOriginal, l.Taille, l.DeposeeLe, l.DeposeeParNom)
        {
            Rattachement = string.Join(" — ", new[] { l.Mois is { } lm ? AccesHeures.Texte(lm) : null, l.Participant }.Where(t => t is not null)),
        }).ToList();
        Liste = new ListePieces(resumes, Portail: true, await AccesPieces.SupprimablesAsync(db, User, pieces, annulation), Lien(PageAffichee.Numero));
        return Page();
    }

    /// <summary>The list of the proofs of a month and/or a contrat (where an upload or a deletion comes back to).</summary>
    public static string AdresseDe(Mois? mois, ContratId? contrat)
    {
        var parametres = new List<KeyValuePair<string, string?>>();
        if (mois is { } m) parametres.Add(new("mois", m.ToString()));
        if (contrat is { } c) parametres.Add(new("contrat", c.ToString()));
        return QueryHelpers.AddQueryString("/Portail/Pieces", parametres);
    }

    public sealed record LignePiece(PieceJustificativeId Id, NaturePiece Nature, string NomOriginal, long Taille, DateTimeOffset DeposeeLe, string DeposeeParNom,
        Mois? Mois, string? Participant);
}
