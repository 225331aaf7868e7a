using System.Reflection;

namespace Clause.Domain.Commun;

/// <summary>The French label of an enum member, written next to the member it describes.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LibelleAttribute(string texte) : Attribute
{
    public string Texte { get; } = texte;
}

public static class Libelles
{
    /// <summary>The French label of a value, or its code when none is written.</summary>
    public static string Libelle<TEnum>(this TEnum valeur) where TEnum : struct, Enum
    {
        var nom = valeur.ToString();
        return typeof(TEnum).GetField(nom)?.GetCustomAttribute<LibelleAttribute>()?.Texte ?? nom;
    }

    /// <summary>Every value of the enum with its label, in declaration order (for select lists).</summary>
    public static IReadOnlyList<(TEnum Valeur, string Libelle)> Tous<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (v, v.Libelle())).ToList();
}
