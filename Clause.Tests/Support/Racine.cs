namespace Clause.Tests.Support;

public static class Racine
{
    /// <summary>The repository root (the folder holding Clause.sln), found from the test binaries upward.</summary>
    public static string Depot()
    {
        var dossier = new DirectoryInfo(AppContext.BaseDirectory);
        while (dossier is not null && !File.Exists(Path.Combine(dossier.FullName, "Clause.sln")))
            dossier = dossier.Parent;
        return dossier?.FullName ?? throw new InvalidOperationException("Clause.sln introuvable au-dessus de " + AppContext.BaseDirectory);
    }
}
