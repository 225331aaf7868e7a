using Clause.Domain.Bilans;
using Clause.Domain.Commun;
using Clause.Domain.DonneursOrdre;
using Clause.Infrastructure.Bilans;
using Clause.Infrastructure.Persistence;
using Clause.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Clause.Web.Pages.Bilans.Exports;

/// <summary>
/// The facilitateur e-mails a bilan to chosen contacts of its buyer (issue 10 item 6): the scope and the period come from
/// the bilan's page (<c>?perimetre=…&amp;id=…&amp;du=…&amp;au=…</c>), the contacts are ticked. One service call
/// (<see cref="EnvoisBilans.EnvoyerAsync"/>) computes, masks, attaches, queues and records; its refusals go beside their
/// field and nothing is sent. Then back to the buyer's page, where the send is listed.
/// </summary>
public sealed class EnvoyerModel(ClauseDbContext db, RequetesBilans bilans, EnvoisBilans envois) : PageAction(db)
{
    [BindProperty]
    public SaisieEnvoiBilan Saisie { get; set; } = new();

    public Bilan? Bilan { get; private set; }

    public DonneurOrdreId? DonneurOrdreId { get; private set; }

    public IReadOnlyList<ContactDestinataire> Contacts { get; private set; } = [];

    /// <summary>The body the recipients will read (the first contact's greeting aside).</summary>
    public string? Apercu { get; private set; }

    /// <summary>Back to the buyer's page (where the sends are listed), or to the buyers' list when the scope is unknown.</summary>
    public string AdresseRetour => DonneurOrdreId is { } donneur ? $"/DonneursOrdre/Details/{donneur}" : "/DonneursOrdre";

    public async Task<IActionResult> OnGetAsync(string? perimetre, string? id, string? du, string? au, CancellationToken annulation)
    {
        Saisie = new SaisieEnvoiBilan { Perimetre = perimetre, Id = id, Du = du, Au = au };
        return await AfficherAsync(annulation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        PerimetreBilan perimetre;
        PeriodeBilan periode;
        try
        {
            (perimetre, periode) = LectureBilan.Lire(Saisie.Perimetre, Saisie.Id, Saisie.Du, Saisie.Au);
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, LectureBilan.Renommages);
            return Page();
        }
        EnvoiBilan? envoi = null;
        var contexte = Db.Contexte;
        if (!await AppliquerAsync(async () => envoi = await envois.EnvoyerAsync(new DemandeEnvoiBilan(perimetre, periode, Saisie.Destinataires),
                new ExpediteurBilan(contexte.UtilisateurId, contexte.NomUtilisateur), annulation), LectureBilan.Renommages))
            return await AfficherAsync(annulation);
        if (envoi is null) return NotFound();
        TempData["Succes"] = $"Le bilan « {envoi.LibellePerimetre} » ({envoi.Periode.Libelle}) part à {envoi.NombreDestinataires} destinataire(s) avec le fichier {envoi.NomFichier}.";
        return Redirect($"/DonneursOrdre/Details/{envoi.DonneurOrdreId}#titre-envois");
    }

    private async Task<IActionResult> AfficherAsync(CancellationToken annulation)
    {
        PerimetreBilan perimetre;
        PeriodeBilan periode;
        try
        {
            (perimetre, periode) = LectureBilan.Lire(Saisie.Perimetre, Saisie.Id, Saisie.Du, Saisie.Au);
            if (perimetre.Perimetre == Perimetre.Structure)
                throw new RegleMetierException("perimetre", "Le bilan de toute la structure ne s'envoie pas à un donneur d'ordre : choisissez un lot, un marché, une opération ou un donneur d'ordre.");
        }
        catch (RegleMetierException ex)
        {
            ModelState.AjouterErreur(ex, LectureBilan.Renommages);
            return Page();
        }
        DonneurOrdreId = await envois.DonneurOrdreAsync(perimetre, annulation);
        if (DonneurOrdreId is null) return NotFound();
        Bilan = await bilans.BilanAsync(perimetre, periode, annulation: annulation);
        if (Bilan is null) return NotFound();
        Contacts = await envois.ContactsAsync(DonneurOrdreId.Value, annulation);
        Apercu = EnvoisBilans.Mail("", "…", Bilan, Db.Contexte.NomUtilisateur).Texte;
        return Page();
    }
}

/// <summary>The send form: the scope and the period (hidden, from the bilan's page) and the ticked contacts.</summary>
public sealed class SaisieEnvoiBilan
{
    public string? Perimetre { get; set; }

    public string? Id { get; set; }

    public string? Du { get; set; }

    public string? Au { get; set; }

    public List<Guid> Destinataires { get; set; } = [];
}
