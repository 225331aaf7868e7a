using System.Security.Claims;
using Clause.Domain.Securite;
using Clause.Infrastructure.Heures;
using Clause.Infrastructure.Identite;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Clause.Web.Pages;

public sealed class IndexModel(ClauseDbContext db, RequetesHeures requetes, TimeProvider horloge) : PageModel
{
    public string Nom { get; private set; } = string.Empty;

    public string Role { get; private set; } = string.Empty;

    public string? Structure { get; private set; }

    /// <summary>The facilitateur's and Direction's work of the day (null for the other roles).</summary>
    public TableauDeBord? Tableau { get; private set; }

    /// <summary>The Direction's key figures of the structure (null for the other roles).</summary>
    public ChiffresDirection? Chiffres { get; private set; }

    /// <summary>The référent's contrats ending soon and hours of the month (null for the other roles).</summary>
    public AccueilReferent? Referent { get; private set; }

    /// <summary>Placement (issue 14): the référent's « non retenu » tasks; for Direction and Facilitateur also the postes and shortlists waiting.</summary>
    public Clause.Web.Pages.Placement.AccueilPlacement? PlacementAccueil { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        // A company contact has one home: its portal (its lots, its months to declare).
        if (Droits.Peut(User, Politiques.PortailEntreprise)) return RedirectToPage("/Portail/Index");
        // A buyer too: its portal (its opérations, marchés, lots and bilans).
        if (Droits.Peut(User, Politiques.PortailAcheteur)) return RedirectToPage("/Acheteur/Index");
        Nom = User.FindFirstValue(RevendicationsClause.NomComplet) ?? User.Identity?.Name ?? string.Empty;
        Role = Roles.Libelle(Droits.Role(User) ?? string.Empty);
        if (db.Contexte.StructureId is { } id)
            Structure = await db.Structures.AsNoTracking().Where(s => s.Id == id).Select(s => s.Nom).FirstOrDefaultAsync(annulation);
        if (db.Contexte.StructureId is not null && Droits.Peut(User, Politiques.LectureClause))
            Tableau = await TableauDeBord.LireAsync(db, requetes, horloge, annulation);
        if (db.Contexte.StructureId is not null && Droits.Role(User) == Roles.Direction)
            Chiffres = await ChiffresDirection.LireAsync(db, requetes, horloge, annulation);
        if (db.Contexte.StructureId is not null && Droits.Role(User) == Roles.Referent)
            Referent = await AccueilReferent.LireAsync(db, requetes, User, horloge, annulation);
        if (db.Contexte.StructureId is not null && Droits.Peut(User, Politiques.LectureParticipants))
            PlacementAccueil = await Clause.Web.Pages.Placement.AccueilPlacement.LireAsync(db, User, horloge, annulation);
        return Page();
    }
}
