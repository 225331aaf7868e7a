using System.Xml.Linq;
using Clause.Domain.Commun;
using Clause.Tests.Support;

namespace Clause.Tests.Infrastructure;

/// <summary>The domain references no framework (CONVENTIONS.md: Web → Infrastructure → Domain).</summary>
public class ArchitectureTests
{
    private static readonly string[] Interdits = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MailKit", "MimeKit", "EPPlus", "OfficeOpenXml", "Quartz"];

    [Fact]
    public void Le_domaine_ne_reference_aucun_framework()
    {
        var references = typeof(Entite).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var fautives = references.Where(r => Interdits.Any(i => r.StartsWith(i, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Empty(fautives);
    }

    [Fact]
    public void Le_projet_du_domaine_ne_declare_ni_paquet_ni_reference_de_framework()
    {
        var projet = XDocument.Load(Path.Combine(Racine.Depot(), "Clause.Domain", "Clause.Domain.csproj"));
        Assert.DoesNotContain(projet.Descendants(), e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference");
    }

    [Fact]
    public void L_infrastructure_ne_depend_pas_du_web()
    {
        var references = typeof(Clause.Infrastructure.DependencyInjection).Assembly.GetReferencedAssemblies().Select(a => a.Name);
        Assert.DoesNotContain("Clause.Web", references);
    }
}
