using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Clause.Domain.Commun;
using Clause.Domain.Pieces;
using Microsoft.Extensions.Configuration;

namespace Clause.Infrastructure.Pieces;

/// <summary>
/// Configuration « Pieces:Dossier »: the folder of the proofs' files, default data/pieces, relative to the content root
/// like Database:SqlitePath and Mail:DossierDepot — outside wwwroot, so no file is ever served by the static files.
/// </summary>
public sealed record OptionsPieces(string Dossier)
{
    public static OptionsPieces Lire(IConfiguration configuration, string racineContenu)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new OptionsPieces(Path.GetFullPath(configuration["Pieces:Dossier"] ?? Path.Combine("data", "pieces"), racineContenu));
    }
}

/// <summary>
/// The proofs' files on disk: {Dossier}/{structure id}/{generated name}. An upload is streamed to a temporary file of the
/// structure's folder while it is measured (the first bytes give its kind, every byte goes through SHA-256, reading stops
/// past 5 Mo), so the file is never held whole in memory; the domain then decides, and only an accepted file is renamed
/// to its generated name (same folder: an atomic move). Nothing of the uploaded name reaches the disk.
/// </summary>
public sealed partial class StockagePieces(OptionsPieces options)
{
    private const int TailleTampon = 81_920;

    public string Dossier => options.Dossier;

    public async Task<FichierDepose> RecevoirAsync(StructureId structureId, Stream source, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var dossier = DossierDe(structureId);
        Directory.CreateDirectory(dossier);
        var temporaire = Path.Combine(dossier, $".depot-{Guid.NewGuid():N}.tmp");
        using var hachage = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var signature = new byte[TypeFichier.OctetsSignature];
        var octetsSignature = 0;
        long taille = 0;
        var tampon = ArrayPool<byte>.Shared.Rent(TailleTampon);
        try
        {
            await using var cible = new FileStream(temporaire, FileMode.CreateNew, FileAccess.Write, FileShare.None, TailleTampon, useAsync: true);
            int lus;
            while ((lus = await source.ReadAsync(tampon.AsMemory(0, TailleTampon), annulation).ConfigureAwait(false)) > 0)
            {
                if (octetsSignature < signature.Length)
                {
                    var n = Math.Min(lus, signature.Length - octetsSignature);
                    Array.Copy(tampon, 0, signature, octetsSignature, n);
                    octetsSignature += n;
                }
                taille += lus;
                // Past the limit the rest is not read: the domain refuses the file whatever follows.
                if (taille > PieceJustificative.TailleMax)
                {
                    taille = PieceJustificative.TailleMax + 1;
                    break;
                }
                hachage.AppendData(tampon, 0, lus);
                await cible.WriteAsync(tampon.AsMemory(0, lus), annulation).ConfigureAwait(false);
            }
        }
        catch
        {
            File.Delete(temporaire);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tampon);
        }
        var recu = new FichierRecu(TypeFichier.Detecter(signature.AsSpan(0, octetsSignature)), taille, Convert.ToHexStringLower(hachage.GetHashAndReset()));
        return new FichierDepose(temporaire, recu, DossierDe(structureId));
    }

    /// <summary>The stored file for reading, or null when the name is not a generated one or the file is missing.</summary>
    public FileStream? Ouvrir(StructureId structureId, string nomStocke)
    {
        var chemin = Chemin(structureId, nomStocke);
        return chemin is not null && File.Exists(chemin)
            ? new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.Read, TailleTampon, useAsync: true)
            : null;
    }

    public void Supprimer(StructureId structureId, string nomStocke)
    {
        if (Chemin(structureId, nomStocke) is { } chemin) File.Delete(chemin);
    }

    /// <summary>The full path of a stored file; null for anything but a generated name (no folder, no « .. », ever).</summary>
    public string? Chemin(StructureId structureId, string nomStocke) =>
        NomGenere().IsMatch(nomStocke ?? string.Empty) ? Path.Combine(DossierDe(structureId), nomStocke!) : null;

    private string DossierDe(StructureId structureId) => Path.Combine(options.Dossier, structureId.Valeur.ToString("N"));

    [GeneratedRegex("^[0-9a-f]{32}\\.(pdf|png|jpg)$", RegexOptions.CultureInvariant)]
    private static partial Regex NomGenere();
}

/// <summary>An upload written to its temporary file: kept under its generated name by <see cref="Conserver"/>, else deleted when disposed.</summary>
public sealed class FichierDepose(string temporaire, FichierRecu recu, string dossier) : IDisposable
{
    private bool _conserve;

    public FichierRecu Recu { get; } = recu;

    public void Conserver(string nomStocke)
    {
        if (string.IsNullOrEmpty(nomStocke) || Path.GetFileName(nomStocke) != nomStocke)
            throw new ArgumentException("Nom de fichier généré attendu.", nameof(nomStocke));
        File.Move(temporaire, Path.Combine(dossier, nomStocke));
        _conserve = true;
    }

    public void Dispose()
    {
        if (!_conserve) File.Delete(temporaire);
    }
}
