using Clause.Domain.Commun;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clause.Infrastructure.Persistence;

/// <summary>A typed identifier stored as its GUID: the column, the indexes and the SQL are those of a plain GUID.</summary>
public sealed class ConvertisseurIdentifiant<T>() : ValueConverter<T, Guid>(id => id.Valeur, valeur => Creer(valeur))
    where T : struct, IIdentifiant<T>
{
    // An expression tree cannot call a static abstract member: this method does it for the converter.
    private static T Creer(Guid valeur) => T.De(valeur);
}

/// <summary>A month stored as its integer code yyyymm: comparisons and GROUP BY run in SQL on the integer.</summary>
public sealed class ConvertisseurMois() : ValueConverter<Mois, int>(m => m.Code, code => Mois.DepuisCode(code));

internal static class ConventionsValeurs
{
    /// <summary>Every typed identifier of the domain, and <see cref="Mois"/>, get their converter once for the whole model.</summary>
    public static void Appliquer(ModelConfigurationBuilder configuration)
    {
        foreach (var type in typeof(Entite).Assembly.GetTypes().Where(EstIdentifiant))
            configuration.Properties(type).HaveConversion(typeof(ConvertisseurIdentifiant<>).MakeGenericType(type));
        configuration.Properties<Mois>().HaveConversion<ConvertisseurMois>();
    }

    private static bool EstIdentifiant(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIdentifiant<>));
}
