using Clause.Domain.Commun;
using Clause.Domain.Contrats;

namespace Clause.Domain.Pieces;

/// <summary>What a proof is (issue 9 item 6): the facilitateur reads it to decide on the hours it supports.</summary>
public enum NaturePiece
{
    [Libelle("Relevé d'heures")] ReleveHeures,
    [Libelle("Bulletin de paie")] BulletinPaie,
    [Libelle("Contrat")] Contrat,
    [Libelle("Facture")] Facture,
    [Libelle("Autre")] Autre,
}

/// <summary>
/// The three accepted kinds of file, recognised by their first bytes (magic numbers) — never by the name's extension
/// nor by the Content-Type the browser sends, which both lie as easily as a renamed file does.
/// </summary>
public sealed record TypeFichier(string TypeContenu, string Extension, string Libelle)
{
    public static readonly TypeFichier Pdf = new("application/pdf", "pdf", "PDF");
    public static readonly TypeFichier Png = new("image/png", "png", "PNG");
    public static readonly TypeFichier Jpeg = new("image/jpeg", "jpg", "JPEG");

    public static readonly IReadOnlyList<TypeFichier> Acceptes = [Pdf, Png, Jpeg];

    /// <summary>How many first bytes <see cref="Detecter"/> needs (the PNG signature is the longest).</summary>
    public const int OctetsSignature = 8;

    private static readonly byte[] SignaturePdf = "%PDF-"u8.ToArray();
    private static readonly byte[] SignaturePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SignatureJpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The kind whose signature opens <paramref name="debut"/>, or null (HTML, an executable, anything else).</summary>
    public static TypeFichier? Detecter(ReadOnlySpan<byte> debut)
    {
        if (debut.StartsWith(SignaturePdf)) return Pdf;
        if (debut.StartsWith(SignaturePng)) return Png;
        if (debut.StartsWith(SignatureJpeg)) return Jpeg;
        return null;
    }

    public static TypeFichier? DuTypeContenu(string typeContenu) => Acceptes.FirstOrDefault(t => t.TypeContenu == typeContenu);
}

/// <summary>
/// What the storage measured while it wrote the uploaded bytes to disk: the kind detected from the first bytes (null when
/// none), the size (<see cref="PieceJustificative.TailleMax"/> + 1 means "more than allowed": it stopped reading there)
/// and the SHA-256 of the content, in lowercase hexadecimal.
/// </summary>
public sealed record FichierRecu(TypeFichier? Type, long Taille, string Empreinte);

/// <summary>
/// A proof uploaded by a company (issue 9 item 6): attached to one of its contrats, to one of its months, or to both (a
/// payslip of March for one contrat). The file itself lives outside the database, under a generated name
/// (<see cref="NomStocke"/>); the row keeps what was checked (kind detected from the bytes, size, SHA-256) and who
/// uploaded it. Deleting it is allowed to its uploader or a facilitateur until the hours it supports are validated —
/// the lock is read from the lines of hours by the infrastructure (RequetesPieces.Verrouillees) and handed to
/// <see cref="VerifierSuppression"/>.
/// </summary>
public sealed class PieceJustificative : Racine<PieceJustificativeId>, IAppartientStructure
{
    /// <summary>5 Mo (5 × 1 024 × 1 024 octets) at most per file.</summary>
    public const long TailleMax = 5L * 1024 * 1024;

    public const int NomOriginalLongueurMax = 150;

    /// <summary>32 hexadecimal digits, a dot, the extension.</summary>
    public const int NomStockeLongueurMax = 40;

    public const int TypeContenuLongueurMax = 40;

    public const int EmpreinteLongueur = 64;

    /// <summary>
    /// The name shown for a proof whose content was deleted at its participant's anonymisation (<see cref="SupprimerContenu"/>):
    /// it has no extension, so no upload (<see cref="NomAffichable"/> always adds one) can ever bear it.
    /// </summary>
    public const string NomSupprime = "pièce supprimée (anonymisation)";

    public const string ContratInconnu = "Choisissez un des contrats de votre entreprise : ce contrat n'en fait pas partie.";

    private PieceJustificative() { }

    public StructureId StructureId { get; private set; }

    public EntrepriseId EntrepriseId { get; private set; }

    /// <summary>The contrat it supports, if any (one of the company's, as employer).</summary>
    public ContratId? ContratId { get; private set; }

    /// <summary>The month it supports, if any (shown with the company's declaration of that month).</summary>
    public Mois? Mois { get; private set; }

    public NaturePiece Nature { get; private set; }

    /// <summary>The uploaded name, cleaned (no folder, no control or reserved character), with the detected kind's extension: display only.</summary>
    public string NomOriginal { get; private set; } = string.Empty;

    /// <summary>The generated file name on disk, « {guid}.{extension} » — nothing of the uploaded name reaches the disk.</summary>
    public string NomStocke { get; private set; } = string.Empty;

    /// <summary>Detected from the first bytes: application/pdf, image/png or image/jpeg.</summary>
    public string TypeContenu { get; private set; } = string.Empty;

    /// <summary>Bytes.</summary>
    public long Taille { get; private set; }

    /// <summary>SHA-256 of the content, lowercase hexadecimal (64 characters).</summary>
    public string Empreinte { get; private set; } = string.Empty;

    public Guid DeposeeParId { get; private set; }

    public string DeposeeParNom { get; private set; } = string.Empty;

    public DateTimeOffset DeposeeLe { get; private set; }

    /// <summary>
    /// Records an upload of <paramref name="entrepriseId"/>. Refused (champ « Fichier »): no file, an empty file, a file over
    /// 5 Mo, a content that is not a PDF, a PNG or a JPEG whatever its name says; (« Nature ») no nature; (« ContratId ») a
    /// contrat that is not one of the company's as employer, or that was refused; (« Mois ») a month not begun yet, or
    /// neither month nor contrat. Every refusal at once (issue 15 item 5), before anything is built.
    /// </summary>
    public static PieceJustificative Deposer(StructureId structureId, EntrepriseId entrepriseId, Contrat? contrat, Mois? mois, NaturePiece? nature,
        string? nomOriginal, FichierRecu? fichier, Auteur par, DateTimeOffset le)
    {
        ArgumentNullException.ThrowIfNull(par);
        Garde.Identifiant(structureId, nameof(StructureId), "Structure");
        Garde.Identifiant(entrepriseId, nameof(EntrepriseId), "Entreprise");
        var verification = new Verification();
        verification.Verifier(() => Garde.Defini(nature ?? throw new RegleMetierException(nameof(Nature), "Le champ « Nature de la pièce » est obligatoire."),
            nameof(Nature), "Nature de la pièce"));
        verification.Verifier(() =>
        {
            if (contrat is null && mois is null)
                throw new RegleMetierException(nameof(Mois), "Rattachez la pièce à un mois ou à un contrat (ou aux deux).");
        });
        verification.Verifier(() =>
        {
            if (contrat is not null && (contrat.StructureId != structureId || contrat.EmployeurId != entrepriseId))
                throw new RegleMetierException(nameof(ContratId), ContratInconnu);
            if (contrat is { Statut: StatutContrat.Refuse })
                throw new RegleMetierException(nameof(ContratId), "Ce contrat a été refusé : aucune pièce ne peut y être rattachée.");
        });
        verification.Verifier(() =>
        {
            if (mois is { } m && m.Premier > DateOnly.FromDateTime(le.Date))
                throw new RegleMetierException(nameof(Mois), "Le mois choisi n'est pas encore commencé : une pièce se rattache à un mois passé ou en cours.");
        });
        verification.Verifier(() => VerifierFichier(fichier, nomOriginal));
        verification.Lever();
        var type = fichier!.Type!;
        var piece = new PieceJustificative
        {
            StructureId = structureId,
            EntrepriseId = entrepriseId,
            ContratId = contrat?.Id,
            Mois = mois,
            Nature = nature!.Value,
            NomOriginal = NomAffichable(nomOriginal, type),
            TypeContenu = type.TypeContenu,
            Taille = fichier.Taille,
            Empreinte = fichier.Empreinte,
            DeposeeParId = Garde.Identifiant(par.Id, nameof(DeposeeParId), "Auteur"),
            DeposeeParNom = Garde.Requis(par.Nom, nameof(DeposeeParNom), "Auteur", Auteur.NomLongueurMax),
            DeposeeLe = le,
        };
        piece.NomStocke = $"{piece.Id:N}.{type.Extension}";
        return piece;
    }

    /// <summary>The file checks, in the order a person can act on them; the message names the file as it was sent.</summary>
    private static void VerifierFichier(FichierRecu? fichier, string? nomOriginal)
    {
        if (fichier is null)
            throw new RegleMetierException("Fichier", "Fichier : choisissez le fichier de la pièce (PDF, PNG ou JPEG, 5 Mo au plus).");
        var nom = string.IsNullOrWhiteSpace(nomOriginal) ? "envoyé" : $"« {NomAffichable(nomOriginal, null)} »";
        if (fichier.Taille <= 0)
            throw new RegleMetierException("Fichier", $"Fichier : le fichier {nom} est vide. Choisissez le fichier de la pièce (PDF, PNG ou JPEG).");
        if (fichier.Taille > TailleMax)
            throw new RegleMetierException("Fichier", $"Fichier : le fichier {nom} dépasse 5 Mo. Réduisez-le (numérisation en 150 ppp, ou une page par fichier) puis déposez-le à nouveau.");
        if (fichier.Type is null)
            throw new RegleMetierException("Fichier",
                $"Fichier : le fichier {nom} n'est pas un PDF, un PNG ou un JPEG. Son contenu a été vérifié, pas seulement son nom : enregistrez la pièce dans l'un de ces formats.");
        if (fichier.Empreinte.Length != EmpreinteLongueur || !fichier.Empreinte.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            throw new RegleMetierException("Fichier", "Fichier : l'empreinte du fichier est illisible ; déposez-le à nouveau.");
    }

    /// <summary>True once the content was deleted at the anonymisation (<see cref="SupprimerContenu"/>): nothing to download.</summary>
    public bool EstSupprimee => NomOriginal == NomSupprime;

    /// <summary>
    /// The anonymisation of the contrat's participant (DOMAIN.md §12, docs/domain.md §29): the file (often an identity
    /// document) is deleted from the storage by the caller, the uploaded name (« CNI-Dupont.pdf ») becomes
    /// <see cref="NomSupprime"/> and the digest is zeroed; the row stays in the contrat's history, marked deleted. Idempotent.
    /// </summary>
    public void SupprimerContenu()
    {
        NomOriginal = NomSupprime;
        Empreinte = new string('0', EmpreinteLongueur);
    }

    /// <summary>
    /// May <paramref name="par"/> delete this proof? Its uploader or a facilitateur, while no line of hours it supports is
    /// validated (<paramref name="heuresValidees"/>, read by RequetesPieces.Verrouillees): once the facilitateur has
    /// validated hours, the proof he or she relied on stays.
    /// </summary>
    public void VerifierSuppression(Auteur par, bool heuresValidees)
    {
        ArgumentNullException.ThrowIfNull(par);
        if (!par.EstFacilitateur && par.Id != DeposeeParId)
            throw new RegleMetierException(string.Empty, "Seule la personne qui a déposé cette pièce, ou un facilitateur, peut la supprimer.");
        if (heuresValidees)
            throw new RegleMetierException(string.Empty, ContratId is null
                ? "Cette pièce ne peut plus être supprimée : des heures de votre entreprise pour ce mois sont déjà validées."
                : Mois is null
                    ? "Cette pièce ne peut plus être supprimée : des heures de ce contrat sont déjà validées."
                    : "Cette pièce ne peut plus être supprimée : les heures de ce contrat pour ce mois sont déjà validées.");
    }

    /// <summary>
    /// The uploaded name made safe to show and to offer as a download name: its last segment only (no folder), without
    /// control or reserved characters, at most <see cref="NomOriginalLongueurMax"/> characters, with the extension of the
    /// detected kind (a PDF named « releve.png » is shown « releve.pdf »). Never used on disk.
    /// </summary>
    public static string NomAffichable(string? nomOriginal, TypeFichier? type)
    {
        var nom = (nomOriginal ?? string.Empty).Replace('\\', '/');
        nom = nom[(nom.LastIndexOf('/') + 1)..];
        nom = new string(nom.Where(c => !char.IsControl(c) && !"<>:\"|?*".Contains(c, StringComparison.Ordinal)).ToArray()).Trim().Trim('.').Trim();
        if (type is not null)
        {
            var point = nom.LastIndexOf('.');
            var racine = point > 0 ? nom[..point] : nom;
            if (racine.Length == 0) racine = "piece";
            var extension = "." + type.Extension;
            racine = racine[..Math.Min(racine.Length, NomOriginalLongueurMax - extension.Length)].TrimEnd();
            return racine + extension;
        }
        if (nom.Length == 0) nom = "piece";
        return nom[..Math.Min(nom.Length, NomOriginalLongueurMax)];
    }
}
