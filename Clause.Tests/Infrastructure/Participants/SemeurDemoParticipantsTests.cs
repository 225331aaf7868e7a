using Clause.Domain.Commun;
using Clause.Domain.Participants;
using Clause.Infrastructure.DonneesDemo;
using Clause.Infrastructure.Persistence;
using Clause.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clause.Tests.Infrastructure.Participants;

/// <summary>The demo participants follow the 2016 profile mix and hold the situations the home page needs.</summary>
[Collection(CollectionDonneesDemo.Nom)]
public class SemeurDemoParticipantsTests(FabriqueClause app) : IClassFixture<FabriqueClause>
{
    private async Task<(List<Participant> Participants, Guid FacilitateurId)> SemerAsync()
    {
        using var portee = app.Services.CreateScope();
        await portee.ServiceProvider.GetRequiredService<SemeurDemo>().SemerAsync();
        var db = portee.ServiceProvider.GetRequiredService<ClauseDbContext>();
        var participants = await db.Participants.AsNoTracking().Include(p => p.Decisions).ThenInclude(d => d.Categories).ToListAsync();
        var facilitateur = await db.Users.SingleAsync(u => u.Email == "facilitateur@clause.demo");
        return (participants, facilitateur.Id);
    }

    [Fact]
    public async Task Les_participants_de_demo_suivent_le_profil_2016_et_les_situations_attendues()
    {
        var (participants, facilitateurId) = await SemerAsync();

        Assert.Equal(SemeurDemo.NombreParticipantsDemo, participants.Count);
        Assert.InRange(participants.Count(p => p.ResidentQpv), 45, 75); // ~35 %
        Assert.InRange(participants.Count(p => p.Sexe == Sexe.F), 70, 100);
        var decisions = participants.SelectMany(p => p.Decisions).ToList();
        Assert.All(decisions, d => Assert.Equal(facilitateurId, d.ValideParId));
        Assert.All(decisions, d => Assert.InRange(d.DateValidation, new DateOnly(2024, 1, 1), new DateOnly(2026, 11, 27)));
        Assert.Equal(SemeurDemo.SansDecisionDemo, participants.Count(p => p.Decisions.Count == 0));
        Assert.Equal(SemeurDemo.RenouvellementsDemo, participants.Count(p => p.Decisions.Count == 2));

        var horizon = new Periode(SemeurDemo.DateReferenceDemo, SemeurDemo.DateReferenceDemo.AddDays(60));
        var reglages = ParticipantsDeTest.Reglages();
        Assert.Equal(SemeurDemo.FenetresFermantBientotDemo, participants.Count(p => p.DerniereDecision?.Fenetre(reglages.FenetreEligibiliteMois) is { } f && horizon.Contient(f.Fin)));

        var derniere = participants.Where(p => p.Decisions.Count > 0).Select(p => p.DerniereDecision!.Categories.Select(c => c.Categorie).ToList()).ToList();
        Assert.InRange(derniere.Count(c => c.Contains(CategorieEligibilite.RSA)), 45, 85);       // ~43 %
        Assert.InRange(derniere.Count(c => c.Contains(CategorieEligibilite.DELD12) || c.Contains(CategorieEligibilite.DETLD24)), 30, 70);
        Assert.InRange(derniere.Count(c => c.Contains(CategorieEligibilite.TH)), 1, 15);
        Assert.InRange(derniere.Count(c => c.Contains(CategorieEligibilite.Jeune26)), 10, 35);
        Assert.All(participants, p => Assert.InRange(p.AgeLe(p.InscritLe), 16, 80));
        Assert.Contains(participants, p => p.Decisions.Any(d => d.MotifAvis is not null));
    }
}
