IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [JournalAccesDonneesSensibles] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [Quand] datetimeoffset NOT NULL,
        [UtilisateurId] uniqueidentifier NULL,
        [NomUtilisateur] nvarchar(150) NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [Quoi] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_JournalAccesDonneesSensibles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [JournalAudit] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NULL,
        [Quand] datetimeoffset NOT NULL,
        [UtilisateurId] uniqueidentifier NULL,
        [NomUtilisateur] nvarchar(150) NOT NULL,
        [TypeEntite] nvarchar(100) NOT NULL,
        [EntiteId] uniqueidentifier NOT NULL,
        [RacineId] uniqueidentifier NOT NULL,
        [Action] int NOT NULL,
        [Changements] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_JournalAudit] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Structures] (
        [Id] uniqueidentifier NOT NULL,
        [Nom] nvarchar(200) NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [Commune] nvarchar(100) NULL,
        [Active] bit NOT NULL,
        CONSTRAINT [PK_Structures] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [DonneursOrdre] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [RaisonSociale] nvarchar(200) NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [Siret] nvarchar(14) NULL,
        [Adresse] nvarchar(250) NULL,
        [CodePostal] nvarchar(5) NULL,
        [Commune] nvarchar(100) NULL,
        CONSTRAINT [PK_DonneursOrdre] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_DonneursOrdre_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Entreprises] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [RaisonSociale] nvarchar(200) NOT NULL,
        [Siret] nvarchar(14) NOT NULL,
        [TypeEmployeur] nvarchar(40) NOT NULL,
        [CodeNaf] nvarchar(5) NULL,
        [TrancheEffectif] nvarchar(40) NULL,
        [Adresse] nvarchar(250) NULL,
        [CodePostal] nvarchar(5) NULL,
        [Commune] nvarchar(100) NULL,
        CONSTRAINT [PK_Entreprises] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Entreprises_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Reglages] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [CoutHoraireReferenceCentimes] bigint NOT NULL,
        [PartMainOeuvreDefautPdb] int NOT NULL,
        [RecalculSurAvenant] bit NOT NULL,
        [ModeAccordCadre] nvarchar(40) NOT NULL,
        [FenetreEligibiliteMois] int NOT NULL,
        [AgeSenior] int NOT NULL,
        [AnticipationDebutContratJours] int NOT NULL,
        [MaxMinutesParMois] int NOT NULL,
        [ToleranceApresFinJours] int NOT NULL,
        [FormationComptabiliseeDefaut] bit NOT NULL,
        [PlafondFormationDefautPdb] int NULL,
        [JourLimiteDeclaration] int NOT NULL,
        [JourPremiereRelance] int NOT NULL,
        [JourSecondeRelance] int NOT NULL,
        [SeuilConfidentialite] int NOT NULL,
        [DelaiSortieEmploiDurableMois] int NOT NULL,
        [ConservationMois] int NOT NULL,
        CONSTRAINT [PK_Reglages] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Reglages_CoutHoraire] CHECK ([CoutHoraireReferenceCentimes] > 0),
        CONSTRAINT [CK_Reglages_PartMainOeuvre] CHECK ([PartMainOeuvreDefautPdb] > 0 AND [PartMainOeuvreDefautPdb] <= 10000),
        CONSTRAINT [FK_Reglages_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [ContactsDonneurOrdre] (
        [Id] uniqueidentifier NOT NULL,
        [DonneurOrdreId] uniqueidentifier NOT NULL,
        [Nom] nvarchar(150) NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [Email] nvarchar(254) NULL,
        [Telephone] nvarchar(20) NULL,
        CONSTRAINT [PK_ContactsDonneurOrdre] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContactsDonneurOrdre_DonneursOrdre_DonneurOrdreId] FOREIGN KEY ([DonneurOrdreId]) REFERENCES [DonneursOrdre] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Operations] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [DonneurOrdreId] uniqueidentifier NOT NULL,
        [Nom] nvarchar(200) NOT NULL,
        [Commune] nvarchar(100) NOT NULL,
        [DebutPrevisionnel] date NULL,
        [FinPrevisionnelle] date NULL,
        [Programme] nvarchar(40) NOT NULL,
        [EnQpv] bit NOT NULL,
        [CodeQpv] nvarchar(8) NULL,
        [ObjectifPartQpvPdb] int NULL,
        [Statut] nvarchar(40) NOT NULL,
        [MotifRetour] nvarchar(500) NULL,
        CONSTRAINT [PK_Operations] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Operations_CodeQpv] CHECK (([EnQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([EnQpv] = 0 AND [CodeQpv] IS NULL)),
        CONSTRAINT [CK_Operations_Dates] CHECK ([DebutPrevisionnel] IS NULL OR [FinPrevisionnelle] IS NULL OR [FinPrevisionnelle] >= [DebutPrevisionnel]),
        CONSTRAINT [CK_Operations_ObjectifQpv] CHECK ([ObjectifPartQpvPdb] IS NULL OR ([ObjectifPartQpvPdb] >= 0 AND [ObjectifPartQpvPdb] <= 10000)),
        CONSTRAINT [FK_Operations_DonneursOrdre_DonneurOrdreId] FOREIGN KEY ([DonneurOrdreId]) REFERENCES [DonneursOrdre] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Operations_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] uniqueidentifier NOT NULL,
        [NomComplet] nvarchar(150) NOT NULL,
        [StructureId] uniqueidentifier NULL,
        [EntrepriseId] uniqueidentifier NULL,
        [DonneurOrdreId] uniqueidentifier NULL,
        [Actif] bit NOT NULL,
        [CreeLe] datetimeoffset NOT NULL,
        [InvitationAccepteeLe] datetimeoffset NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_DonneursOrdre_DonneurOrdreId] FOREIGN KEY ([DonneurOrdreId]) REFERENCES [DonneursOrdre] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AspNetUsers_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AspNetUsers_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [ContactsEntreprise] (
        [Id] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [Nom] nvarchar(150) NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [Email] nvarchar(254) NULL,
        [Telephone] nvarchar(20) NULL,
        CONSTRAINT [PK_ContactsEntreprise] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContactsEntreprise_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Marches] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [OperationId] uniqueidentifier NOT NULL,
        [DonneurOrdreId] uniqueidentifier NOT NULL,
        [Numero] nvarchar(50) NOT NULL,
        [Objet] nvarchar(500) NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [DateNotification] date NULL,
        [DebutExecution] date NOT NULL,
        [FinExecution] date NOT NULL,
        [MontantHTCentimes] bigint NOT NULL,
        CONSTRAINT [PK_Marches] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Marches_Dates] CHECK ([FinExecution] >= [DebutExecution]),
        CONSTRAINT [CK_Marches_Montant] CHECK ([MontantHTCentimes] > 0),
        CONSTRAINT [FK_Marches_DonneursOrdre_DonneurOrdreId] FOREIGN KEY ([DonneurOrdreId]) REFERENCES [DonneursOrdre] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Marches_Operations_OperationId] FOREIGN KEY ([OperationId]) REFERENCES [Operations] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Marches_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] uniqueidentifier NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] uniqueidentifier NOT NULL,
        [RoleId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] uniqueidentifier NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Participants] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [Nom] nvarchar(100) NOT NULL,
        [Prenom] nvarchar(100) NOT NULL,
        [Sexe] nvarchar(40) NOT NULL,
        [DateNaissance] date NOT NULL,
        [Adresse] nvarchar(250) NULL,
        [CodePostal] nvarchar(5) NOT NULL,
        [Commune] nvarchar(100) NOT NULL,
        [ResidentQpv] bit NOT NULL,
        [CodeQpv] nvarchar(9) NULL,
        [NiveauQualification] nvarchar(40) NOT NULL,
        [Prescripteur] nvarchar(40) NOT NULL,
        [ReferentId] uniqueidentifier NULL,
        [IdentifiantFranceTravail] nvarchar(11) NULL,
        [DateInformation] date NULL,
        [InscritLe] date NOT NULL,
        CONSTRAINT [PK_Participants] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Participants_Naissance] CHECK ([DateNaissance] <= [InscritLe]),
        CONSTRAINT [CK_Participants_Qpv] CHECK (([ResidentQpv] = 1 AND [CodeQpv] IS NOT NULL) OR ([ResidentQpv] = 0 AND [CodeQpv] IS NULL)),
        CONSTRAINT [CK_Participants_Sexe] CHECK ([Sexe] = 'F' OR [Sexe] = 'M'),
        CONSTRAINT [FK_Participants_AspNetUsers_ReferentId] FOREIGN KEY ([ReferentId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Participants_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Lots] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [MarcheId] uniqueidentifier NOT NULL,
        [Numero] int NOT NULL,
        [Libelle] nvarchar(200) NOT NULL,
        [MontantHTCentimes] bigint NOT NULL,
        [DebutExecution] date NOT NULL,
        [FinExecution] date NOT NULL,
        [DureeExecutionJours] int NOT NULL,
        [Fondements] int NOT NULL,
        [AccordCadreBonsCommande] bit NOT NULL,
        [Statut] nvarchar(40) NOT NULL,
        [MotifRetour] nvarchar(500) NULL,
        [PartMainOeuvrePdb] int NOT NULL,
        [CoutHoraireReferenceCentimes] bigint NULL,
        [FormationComptabilisee] bit NOT NULL,
        [PlafondFormationPdb] int NULL,
        [HeuresDuesMinutes] bigint NOT NULL,
        CONSTRAINT [PK_Lots] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Lots_CoutHoraire] CHECK ([CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0),
        CONSTRAINT [CK_Lots_Dates] CHECK ([FinExecution] >= [DebutExecution] AND [DureeExecutionJours] >= 1),
        CONSTRAINT [CK_Lots_Fondements] CHECK ([Fondements] >= 0 AND [Fondements] <= 63),
        CONSTRAINT [CK_Lots_HeuresDues] CHECK ([HeuresDuesMinutes] >= 0 AND ([Fondements] <> 0 OR [HeuresDuesMinutes] = 0)),
        CONSTRAINT [CK_Lots_Montant] CHECK ([MontantHTCentimes] > 0),
        CONSTRAINT [CK_Lots_Numero] CHECK ([Numero] >= 1),
        CONSTRAINT [CK_Lots_PartMainOeuvre] CHECK ([PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000),
        CONSTRAINT [CK_Lots_PlafondFormation] CHECK ([PlafondFormationPdb] IS NULL OR ([PlafondFormationPdb] >= 0 AND [PlafondFormationPdb] <= 10000)),
        CONSTRAINT [CK_Lots_ReserveEssTroisAns] CHECK (([Fondements] & 16) = 0 OR [DureeExecutionJours] <= 1096),
        CONSTRAINT [CK_Lots_ReserveSiaeOuEaEsat] CHECK (([Fondements] & 12) <> 12),
        CONSTRAINT [FK_Lots_Marches_MarcheId] FOREIGN KEY ([MarcheId]) REFERENCES [Marches] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Lots_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [DecisionsEligibilite] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [DateValidation] date NOT NULL,
        [ValideParId] uniqueidentifier NOT NULL,
        [ValideParNom] nvarchar(150) NOT NULL,
        [PrescripteurAvis] nvarchar(40) NULL,
        [MotifAvis] nvarchar(1000) NULL,
        CONSTRAINT [PK_DecisionsEligibilite] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_DecisionsEligibilite_AvisMotive] CHECK (([PrescripteurAvis] IS NULL AND [MotifAvis] IS NULL) OR ([PrescripteurAvis] IS NOT NULL AND [MotifAvis] IS NOT NULL)),
        CONSTRAINT [FK_DecisionsEligibilite_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_DecisionsEligibilite_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Attributions] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [DateNotification] date NULL,
        CONSTRAINT [PK_Attributions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attributions_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Attributions_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [BonsCommande] (
        [Id] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [Numero] nvarchar(50) NOT NULL,
        [DateNotification] date NOT NULL,
        [MontantHTCentimes] bigint NOT NULL,
        [HeuresMinutes] bigint NULL,
        CONSTRAINT [PK_BonsCommande] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_BonsCommande_Heures] CHECK ([HeuresMinutes] IS NULL OR [HeuresMinutes] >= 0),
        CONSTRAINT [CK_BonsCommande_Montant] CHECK ([MontantHTCentimes] > 0),
        CONSTRAINT [FK_BonsCommande_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [ObligationsInsertion] (
        [Id] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [Version] int NOT NULL,
        [Origine] nvarchar(40) NOT NULL,
        [Methode] nvarchar(40) NOT NULL,
        [MontantLotCentimes] bigint NOT NULL,
        [MontantHTCentimes] bigint NULL,
        [PartMainOeuvrePdb] int NULL,
        [TauxInsertionPdb] int NULL,
        [CoutHoraireReferenceCentimes] bigint NULL,
        [HeuresTravailleesEstimeesMinutes] bigint NULL,
        [HeuresSaisiesMinutes] bigint NULL,
        [HeuresDuesMinutes] bigint NOT NULL,
        [DateEffet] date NOT NULL,
        [Motif] nvarchar(500) NULL,
        [CreeLe] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ObligationsInsertion] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_ObligationsInsertion_Heures] CHECK ([HeuresDuesMinutes] >= 0 AND ([HeuresTravailleesEstimeesMinutes] IS NULL OR [HeuresTravailleesEstimeesMinutes] > 0) AND ([HeuresSaisiesMinutes] IS NULL OR [HeuresSaisiesMinutes] > 0)),
        CONSTRAINT [CK_ObligationsInsertion_Methode] CHECK (([Methode] = 'F1' AND [MontantHTCentimes] IS NOT NULL AND [PartMainOeuvrePdb] IS NOT NULL AND [TauxInsertionPdb] IS NOT NULL AND [CoutHoraireReferenceCentimes] IS NOT NULL) OR ([Methode] = 'F2' AND [TauxInsertionPdb] IS NOT NULL AND [HeuresTravailleesEstimeesMinutes] IS NOT NULL) OR ([Methode] = 'F3' AND [HeuresSaisiesMinutes] IS NOT NULL) OR ([Methode] = 'Aucune' AND [HeuresDuesMinutes] = 0)),
        CONSTRAINT [CK_ObligationsInsertion_Montants] CHECK ([MontantLotCentimes] > 0 AND ([MontantHTCentimes] IS NULL OR [MontantHTCentimes] > 0) AND ([CoutHoraireReferenceCentimes] IS NULL OR [CoutHoraireReferenceCentimes] > 0)),
        CONSTRAINT [CK_ObligationsInsertion_Taux] CHECK (([TauxInsertionPdb] IS NULL OR ([TauxInsertionPdb] >= 0 AND [TauxInsertionPdb] <= 10000)) AND ([PartMainOeuvrePdb] IS NULL OR ([PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000))),
        CONSTRAINT [CK_ObligationsInsertion_Version] CHECK ([Version] >= 1 AND ([Version] = 1 OR [Motif] IS NOT NULL)),
        CONSTRAINT [FK_ObligationsInsertion_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [CategoriesDecision] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [DecisionId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [Categorie] nvarchar(40) NOT NULL,
        [Justificatif] nvarchar(200) NOT NULL,
        [FinDroits] date NULL,
        CONSTRAINT [PK_CategoriesDecision] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CategoriesDecision_DecisionsEligibilite_DecisionId] FOREIGN KEY ([DecisionId]) REFERENCES [DecisionsEligibilite] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CategoriesDecision_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]),
        CONSTRAINT [FK_CategoriesDecision_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [Contrats] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [EmployeurId] uniqueidentifier NOT NULL,
        [Modalite] nvarchar(40) NOT NULL,
        [TypeContrat] nvarchar(40) NOT NULL,
        [DateDebut] date NOT NULL,
        [FinPrevue] date NOT NULL,
        [FinReelle] date NULL,
        [HeuresHebdoMinutes] bigint NULL,
        [Poste] nvarchar(150) NULL,
        [CodeRome] nvarchar(5) NULL,
        [Statut] nvarchar(40) NOT NULL,
        [Origine] nvarchar(40) NOT NULL,
        [ProposeParId] uniqueidentifier NOT NULL,
        [ProposeParNom] nvarchar(150) NOT NULL,
        [ProposeLe] datetimeoffset NOT NULL,
        [DecideParId] uniqueidentifier NULL,
        [DecideParNom] nvarchar(150) NULL,
        [DecideLe] datetimeoffset NULL,
        [MotifRefus] nvarchar(1000) NULL,
        [Eligibilite] nvarchar(40) NOT NULL,
        [DecisionEligibiliteId] uniqueidentifier NULL,
        [EligibiliteValide] bit NOT NULL,
        [MotifDerogation] nvarchar(1000) NULL,
        [DerogationParId] uniqueidentifier NULL,
        [DerogationParNom] nvarchar(150) NULL,
        [DerogationLe] datetimeoffset NULL,
        CONSTRAINT [PK_Contrats] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Contrats_Dates] CHECK ([FinPrevue] >= [DateDebut] AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut])),
        CONSTRAINT [CK_Contrats_Decision] CHECK ([Statut] = 'Propose' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)),
        CONSTRAINT [CK_Contrats_Derogation] CHECK (([MotifDerogation] IS NULL AND [DerogationParId] IS NULL AND [DerogationParNom] IS NULL AND [DerogationLe] IS NULL) OR ([MotifDerogation] IS NOT NULL AND [DerogationParId] IS NOT NULL AND [DerogationParNom] IS NOT NULL AND [DerogationLe] IS NOT NULL)),
        CONSTRAINT [CK_Contrats_Eligibilite] CHECK ([EligibiliteValide] = 0 OR [Statut] = 'Valide'),
        CONSTRAINT [CK_Contrats_HeuresHebdo] CHECK ([HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)),
        CONSTRAINT [CK_Contrats_Refus] CHECK (([Statut] = 'Refuse' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refuse' AND [MotifRefus] IS NULL)),
        CONSTRAINT [FK_Contrats_DecisionsEligibilite_DecisionEligibiliteId] FOREIGN KEY ([DecisionEligibiliteId]) REFERENCES [DecisionsEligibilite] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Contrats_Entreprises_EmployeurId] FOREIGN KEY ([EmployeurId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Contrats_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Contrats_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Contrats_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [DeclarationsHeures] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [ContratId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [Minutes] bigint NOT NULL,
        [Statut] nvarchar(40) NOT NULL,
        [Converti] bit NOT NULL,
        [HorsPeriode] bit NOT NULL,
        [VersionCourante] int NOT NULL,
        CONSTRAINT [PK_DeclarationsHeures] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_DeclarationsHeures_Minutes] CHECK ([Minutes] > 0),
        CONSTRAINT [CK_DeclarationsHeures_Mois] CHECK ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12),
        CONSTRAINT [CK_DeclarationsHeures_Version] CHECK ([VersionCourante] >= 1),
        CONSTRAINT [FK_DeclarationsHeures_Contrats_ContratId] FOREIGN KEY ([ContratId]) REFERENCES [Contrats] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DeclarationsHeures_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DeclarationsHeures_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_DeclarationsHeures_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE TABLE [VersionsDeclaration] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [DeclarationId] uniqueidentifier NOT NULL,
        [ContratId] uniqueidentifier NOT NULL,
        [Numero] int NOT NULL,
        [Minutes] bigint NOT NULL,
        [MontantFactureCentimes] bigint NULL,
        [PartMainOeuvrePdb] int NULL,
        [CoutHoraireCentimes] bigint NULL,
        [MotifCorrection] nvarchar(500) NULL,
        [Statut] nvarchar(40) NOT NULL,
        [MotifRejet] nvarchar(500) NULL,
        [SaisieParId] uniqueidentifier NOT NULL,
        [SaisieParNom] nvarchar(150) NOT NULL,
        [SaisieLe] datetimeoffset NOT NULL,
        [SaisieParFacilitateur] bit NOT NULL,
        [DecideParId] uniqueidentifier NULL,
        [DecideParNom] nvarchar(150) NULL,
        [DecideLe] datetimeoffset NULL,
        CONSTRAINT [PK_VersionsDeclaration] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_VersionsDeclaration_Conversion] CHECK (([MontantFactureCentimes] IS NULL AND [PartMainOeuvrePdb] IS NULL AND [CoutHoraireCentimes] IS NULL) OR ([MontantFactureCentimes] > 0 AND [PartMainOeuvrePdb] > 0 AND [PartMainOeuvrePdb] <= 10000 AND [CoutHoraireCentimes] > 0)),
        CONSTRAINT [CK_VersionsDeclaration_Decision] CHECK ([Statut] = 'Declaree' OR ([DecideParId] IS NOT NULL AND [DecideParNom] IS NOT NULL AND [DecideLe] IS NOT NULL)),
        CONSTRAINT [CK_VersionsDeclaration_Minutes] CHECK ([Minutes] > 0 AND [Numero] >= 1),
        CONSTRAINT [CK_VersionsDeclaration_Rejet] CHECK (([Statut] = 'Rejetee' AND [MotifRejet] IS NOT NULL) OR ([Statut] <> 'Rejetee' AND [MotifRejet] IS NULL)),
        CONSTRAINT [FK_VersionsDeclaration_DeclarationsHeures_DeclarationId] FOREIGN KEY ([DeclarationId]) REFERENCES [DeclarationsHeures] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_VersionsDeclaration_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_DonneurOrdreId] ON [AspNetUsers] ([DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_EntrepriseId] ON [AspNetUsers] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_StructureId] ON [AspNetUsers] ([StructureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Attributions_EntrepriseId] ON [Attributions] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Attributions_LotId_Attributaire] ON [Attributions] ([LotId]) WHERE [Role] = ''Attributaire''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Attributions_LotId_EntrepriseId] ON [Attributions] ([LotId], [EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Attributions_StructureId_EntrepriseId_Role] ON [Attributions] ([StructureId], [EntrepriseId], [Role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BonsCommande_LotId_Numero] ON [BonsCommande] ([LotId], [Numero]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CategoriesDecision_DecisionId_Categorie] ON [CategoriesDecision] ([DecisionId], [Categorie]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_CategoriesDecision_ParticipantId] ON [CategoriesDecision] ([ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_CategoriesDecision_StructureId_Categorie_ParticipantId] ON [CategoriesDecision] ([StructureId], [Categorie], [ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_ContactsDonneurOrdre_DonneurOrdreId] ON [ContactsDonneurOrdre] ([DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_ContactsEntreprise_EntrepriseId] ON [ContactsEntreprise] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Contrats_DecisionEligibiliteId] ON [Contrats] ([DecisionEligibiliteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Contrats_EmployeurId_Statut] ON [Contrats] ([EmployeurId], [Statut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Contrats_LotId_Statut] ON [Contrats] ([LotId], [Statut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Contrats_ParticipantId_DateDebut] ON [Contrats] ([ParticipantId], [DateDebut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Contrats_StructureId_Statut_FinPrevue] ON [Contrats] ([StructureId], [Statut], [FinPrevue]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DecisionsEligibilite_ParticipantId_DateValidation] ON [DecisionsEligibilite] ([ParticipantId], [DateValidation]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_DecisionsEligibilite_StructureId_DateValidation] ON [DecisionsEligibilite] ([StructureId], [DateValidation]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_DeclarationsHeures_ContratId_Mois] ON [DeclarationsHeures] ([ContratId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_DeclarationsHeures_LotId_Mois] ON [DeclarationsHeures] ([LotId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_DeclarationsHeures_ParticipantId_Mois] ON [DeclarationsHeures] ([ParticipantId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_DeclarationsHeures_StructureId_Statut_Mois] ON [DeclarationsHeures] ([StructureId], [Statut], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_DonneursOrdre_StructureId_RaisonSociale] ON [DonneursOrdre] ([StructureId], [RaisonSociale]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_DonneursOrdre_StructureId_Siret] ON [DonneursOrdre] ([StructureId], [Siret]) WHERE [Siret] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Entreprises_StructureId_RaisonSociale] ON [Entreprises] ([StructureId], [RaisonSociale]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Entreprises_StructureId_Siret] ON [Entreprises] ([StructureId], [Siret]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_JournalAccesDonneesSensibles_ParticipantId_Quand] ON [JournalAccesDonneesSensibles] ([ParticipantId], [Quand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_JournalAccesDonneesSensibles_StructureId_Quand] ON [JournalAccesDonneesSensibles] ([StructureId], [Quand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_JournalAudit_RacineId_Quand] ON [JournalAudit] ([RacineId], [Quand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Lots_MarcheId_Numero] ON [Lots] ([MarcheId], [Numero]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Lots_StructureId_Statut] ON [Lots] ([StructureId], [Statut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Marches_DonneurOrdreId_Numero] ON [Marches] ([DonneurOrdreId], [Numero]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Marches_OperationId] ON [Marches] ([OperationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Marches_StructureId_Numero] ON [Marches] ([StructureId], [Numero]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ObligationsInsertion_LotId_Version] ON [ObligationsInsertion] ([LotId], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Operations_DonneurOrdreId] ON [Operations] ([DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Operations_StructureId_Nom] ON [Operations] ([StructureId], [Nom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Operations_StructureId_Statut] ON [Operations] ([StructureId], [Statut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Participants_ReferentId] ON [Participants] ([ReferentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Participants_StructureId_Commune] ON [Participants] ([StructureId], [Commune]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Participants_StructureId_Nom_Prenom] ON [Participants] ([StructureId], [Nom], [Prenom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Participants_StructureId_ReferentId] ON [Participants] ([StructureId], [ReferentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_Participants_StructureId_ResidentQpv] ON [Participants] ([StructureId], [ResidentQpv]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reglages_StructureId] ON [Reglages] ([StructureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Structures_Nom] ON [Structures] ([Nom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_VersionsDeclaration_DeclarationId_Numero] ON [VersionsDeclaration] ([DeclarationId], [Numero]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    CREATE INDEX [IX_VersionsDeclaration_StructureId] ON [VersionsDeclaration] ([StructureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127115803_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127115803_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [Contrats] DROP CONSTRAINT [CK_Contrats_Dates];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Participants]') AND [c].[name] = N'Prescripteur');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [Participants] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [Participants] ALTER COLUMN [Prescripteur] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [ObligationsInsertion] ADD [StructureId] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Contrats]') AND [c].[name] = N'FinPrevue');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [Contrats] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [Contrats] ALTER COLUMN [FinPrevue] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [ContactsEntreprise] ADD [StructureId] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [ContactsDonneurOrdre] ADD [StructureId] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [BonsCommande] ADD [StructureId] uniqueidentifier NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [ObligationsInsertion] SET [StructureId] = (SELECT [l].[StructureId] FROM [Lots] AS [l] WHERE [l].[Id] = [ObligationsInsertion].[LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [BonsCommande] SET [StructureId] = (SELECT [l].[StructureId] FROM [Lots] AS [l] WHERE [l].[Id] = [BonsCommande].[LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [ContactsEntreprise] SET [StructureId] = (SELECT [e].[StructureId] FROM [Entreprises] AS [e] WHERE [e].[Id] = [ContactsEntreprise].[EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [ContactsDonneurOrdre] SET [StructureId] = (SELECT [d].[StructureId] FROM [DonneursOrdre] AS [d] WHERE [d].[Id] = [ContactsDonneurOrdre].[DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [JournalAudit] SET [StructureId] = (SELECT [l].[StructureId] FROM [Lots] AS [l] WHERE [l].[Id] = [JournalAudit].[RacineId]) WHERE [StructureId] IS NULL AND [TypeEntite] IN ('ObligationInsertion', 'BonCommande');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [JournalAudit] SET [StructureId] = (SELECT [e].[StructureId] FROM [Entreprises] AS [e] WHERE [e].[Id] = [JournalAudit].[RacineId]) WHERE [StructureId] IS NULL AND [TypeEntite] = 'ContactEntreprise';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [JournalAudit] SET [StructureId] = (SELECT [d].[StructureId] FROM [DonneursOrdre] AS [d] WHERE [d].[Id] = [JournalAudit].[RacineId]) WHERE [StructureId] IS NULL AND [TypeEntite] = 'ContactDonneurOrdre';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    UPDATE [JournalAudit] SET [StructureId] = [EntiteId] WHERE [StructureId] IS NULL AND [TypeEntite] = 'Structure';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    CREATE INDEX [IX_ObligationsInsertion_StructureId_LotId] ON [ObligationsInsertion] ([StructureId], [LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    EXEC(N'ALTER TABLE [Contrats] ADD CONSTRAINT [CK_Contrats_Dates] CHECK (([FinPrevue] IS NULL OR [FinPrevue] >= [DateDebut]) AND ([FinReelle] IS NULL OR [FinReelle] >= [DateDebut]))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    EXEC(N'ALTER TABLE [Contrats] ADD CONSTRAINT [CK_Contrats_FinPrevue] CHECK ([FinPrevue] IS NOT NULL OR [TypeContrat] = ''CDI'' OR [TypeContrat] = ''CDIInclusion'')');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    CREATE INDEX [IX_ContactsEntreprise_StructureId_EntrepriseId] ON [ContactsEntreprise] ([StructureId], [EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    CREATE INDEX [IX_ContactsDonneurOrdre_StructureId_DonneurOrdreId] ON [ContactsDonneurOrdre] ([StructureId], [DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    CREATE INDEX [IX_BonsCommande_StructureId_LotId] ON [BonsCommande] ([StructureId], [LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [BonsCommande] ADD CONSTRAINT [FK_BonsCommande_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [ContactsDonneurOrdre] ADD CONSTRAINT [FK_ContactsDonneurOrdre_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [ContactsEntreprise] ADD CONSTRAINT [FK_ContactsEntreprise_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    ALTER TABLE [ObligationsInsertion] ADD CONSTRAINT [FK_ObligationsInsertion_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201202021_StructureEntitesEnfants'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201202021_StructureEntitesEnfants', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [NomJeton] nvarchar(80) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE TABLE [JetonsAcces] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [UtilisateurId] uniqueidentifier NOT NULL,
        [Nom] nvarchar(80) NOT NULL,
        [Prefixe] nvarchar(30) NOT NULL,
        [Empreinte] varchar(64) NOT NULL,
        [Role] nvarchar(40) NOT NULL,
        [EntrepriseId] uniqueidentifier NULL,
        [DonneurOrdreId] uniqueidentifier NULL,
        [CreeLe] datetimeoffset NOT NULL,
        [ExpireLe] datetimeoffset NOT NULL,
        [DerniereUtilisationLe] date NULL,
        [RevoqueLe] datetimeoffset NULL,
        [MotifRevocation] nvarchar(200) NULL,
        CONSTRAINT [PK_JetonsAcces] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_JetonsAcces_AspNetUsers_UtilisateurId] FOREIGN KEY ([UtilisateurId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_JetonsAcces_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE TABLE [RequetesIdempotentes] (
        [Id] uniqueidentifier NOT NULL,
        [UtilisateurId] uniqueidentifier NOT NULL,
        [Cle] nvarchar(255) NOT NULL,
        [Route] nvarchar(300) NOT NULL,
        [EmpreinteCorps] varchar(64) NOT NULL,
        [StatutReponse] int NULL,
        [CorpsReponse] nvarchar(max) NULL,
        [TypeContenu] nvarchar(100) NULL,
        [CreeLe] datetimeoffset NOT NULL,
        [ExpireLe] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RequetesIdempotentes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RequetesIdempotentes_AspNetUsers_UtilisateurId] FOREIGN KEY ([UtilisateurId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE UNIQUE INDEX [IX_JetonsAcces_Empreinte] ON [JetonsAcces] ([Empreinte]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE INDEX [IX_JetonsAcces_StructureId_UtilisateurId] ON [JetonsAcces] ([StructureId], [UtilisateurId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE INDEX [IX_JetonsAcces_UtilisateurId] ON [JetonsAcces] ([UtilisateurId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE INDEX [IX_RequetesIdempotentes_ExpireLe] ON [RequetesIdempotentes] ([ExpireLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RequetesIdempotentes_UtilisateurId_Cle] ON [RequetesIdempotentes] ([UtilisateurId], [Cle]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201223711_JetonsAccesEtIdempotence'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201223711_JetonsAccesEtIdempotence', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    ALTER TABLE [VersionsDeclaration] ADD [SoumissionId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE TABLE [PiecesJustificatives] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [ContratId] uniqueidentifier NULL,
        [Mois] int NULL,
        [Nature] nvarchar(40) NOT NULL,
        [NomOriginal] nvarchar(150) NOT NULL,
        [NomStocke] nvarchar(40) NOT NULL,
        [TypeContenu] nvarchar(40) NOT NULL,
        [Taille] bigint NOT NULL,
        [Empreinte] nchar(64) NOT NULL,
        [DeposeeParId] uniqueidentifier NOT NULL,
        [DeposeeParNom] nvarchar(150) NOT NULL,
        [DeposeeLe] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PiecesJustificatives] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_PiecesJustificatives_Mois] CHECK ([Mois] IS NULL OR ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12)),
        CONSTRAINT [CK_PiecesJustificatives_Rattachement] CHECK ([ContratId] IS NOT NULL OR [Mois] IS NOT NULL),
        CONSTRAINT [CK_PiecesJustificatives_Taille] CHECK ([Taille] > 0 AND [Taille] <= 5242880),
        CONSTRAINT [FK_PiecesJustificatives_Contrats_ContratId] FOREIGN KEY ([ContratId]) REFERENCES [Contrats] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PiecesJustificatives_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PiecesJustificatives_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE TABLE [PropositionsEmbauche] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [Nom] nvarchar(100) NOT NULL,
        [Prenom] nvarchar(100) NOT NULL,
        [DateNaissance] date NOT NULL,
        [Email] nvarchar(254) NULL,
        [Telephone] nvarchar(20) NULL,
        [EmployeurId] uniqueidentifier NOT NULL,
        [Modalite] nvarchar(40) NOT NULL,
        [TypeContrat] nvarchar(40) NOT NULL,
        [DateDebut] date NOT NULL,
        [FinPrevue] date NULL,
        [HeuresHebdoMinutes] bigint NULL,
        [Poste] nvarchar(150) NULL,
        [Statut] nvarchar(40) NOT NULL,
        [MotifRefus] nvarchar(1000) NULL,
        [ParticipantId] uniqueidentifier NULL,
        [ContratId] uniqueidentifier NULL,
        [ProposeeParId] uniqueidentifier NOT NULL,
        [ProposeeParNom] nvarchar(150) NOT NULL,
        [ProposeeLe] datetimeoffset NOT NULL,
        [LieeParId] uniqueidentifier NULL,
        [LieeParNom] nvarchar(150) NULL,
        [LieeLe] datetimeoffset NULL,
        [DecideeParId] uniqueidentifier NULL,
        [DecideeParNom] nvarchar(150) NULL,
        [DecideeLe] datetimeoffset NULL,
        CONSTRAINT [PK_PropositionsEmbauche] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_PropositionsEmbauche_Dates] CHECK ([FinPrevue] IS NULL OR [FinPrevue] >= [DateDebut]),
        CONSTRAINT [CK_PropositionsEmbauche_HeuresHebdo] CHECK ([HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)),
        CONSTRAINT [CK_PropositionsEmbauche_Joignable] CHECK ([Email] IS NOT NULL OR [Telephone] IS NOT NULL),
        CONSTRAINT [CK_PropositionsEmbauche_Lien] CHECK (([Statut] = 'EnAttente' AND [ContratId] IS NULL) OR [Statut] = 'Refusee' OR ([Statut] IN ('Liee', 'Validee') AND [ContratId] IS NOT NULL AND [ParticipantId] IS NOT NULL)),
        CONSTRAINT [CK_PropositionsEmbauche_Refus] CHECK (([Statut] = 'Refusee' AND [MotifRefus] IS NOT NULL) OR ([Statut] <> 'Refusee' AND [MotifRefus] IS NULL)),
        CONSTRAINT [FK_PropositionsEmbauche_Contrats_ContratId] FOREIGN KEY ([ContratId]) REFERENCES [Contrats] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PropositionsEmbauche_Entreprises_EmployeurId] FOREIGN KEY ([EmployeurId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PropositionsEmbauche_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PropositionsEmbauche_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PropositionsEmbauche_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PropositionsEmbauche_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE TABLE [SoumissionsHeures] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [Statut] nvarchar(40) NOT NULL,
        [CreeeParId] uniqueidentifier NOT NULL,
        [CreeeParNom] nvarchar(150) NOT NULL,
        [CreeeLe] datetimeoffset NOT NULL,
        [ModifieeLe] datetimeoffset NOT NULL,
        [SoumiseLe] datetimeoffset NULL,
        [SoumiseParId] uniqueidentifier NULL,
        [SoumiseParNom] nvarchar(150) NULL,
        [SoumiseParEmail] nvarchar(254) NULL,
        CONSTRAINT [PK_SoumissionsHeures] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_SoumissionsHeures_Mois] CHECK ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12),
        CONSTRAINT [CK_SoumissionsHeures_Soumise] CHECK (([Statut] = 'Brouillon' AND [SoumiseLe] IS NULL) OR ([Statut] = 'Soumise' AND [SoumiseLe] IS NOT NULL AND [SoumiseParId] IS NOT NULL AND [SoumiseParNom] IS NOT NULL)),
        CONSTRAINT [FK_SoumissionsHeures_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SoumissionsHeures_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE TABLE [TelechargementsPieces] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [PieceId] uniqueidentifier NOT NULL,
        [Quand] datetimeoffset NOT NULL,
        [UtilisateurId] uniqueidentifier NULL,
        [NomUtilisateur] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_TelechargementsPieces] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE TABLE [LignesBrouillon] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [SoumissionId] uniqueidentifier NOT NULL,
        [Position] int NOT NULL,
        [ContratId] uniqueidentifier NOT NULL,
        [Minutes] bigint NULL,
        [MontantFactureCentimes] bigint NULL,
        CONSTRAINT [PK_LignesBrouillon] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LignesBrouillon_Contrats_ContratId] FOREIGN KEY ([ContratId]) REFERENCES [Contrats] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_LignesBrouillon_SoumissionsHeures_SoumissionId] FOREIGN KEY ([SoumissionId]) REFERENCES [SoumissionsHeures] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_LignesBrouillon_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_VersionsDeclaration_SoumissionId] ON [VersionsDeclaration] ([SoumissionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_LignesBrouillon_ContratId] ON [LignesBrouillon] ([ContratId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LignesBrouillon_SoumissionId_Position] ON [LignesBrouillon] ([SoumissionId], [Position]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_LignesBrouillon_StructureId] ON [LignesBrouillon] ([StructureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PiecesJustificatives_ContratId] ON [PiecesJustificatives] ([ContratId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PiecesJustificatives_EntrepriseId] ON [PiecesJustificatives] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE UNIQUE INDEX [IX_PiecesJustificatives_NomStocke] ON [PiecesJustificatives] ([NomStocke]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PiecesJustificatives_StructureId_ContratId] ON [PiecesJustificatives] ([StructureId], [ContratId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PiecesJustificatives_StructureId_EntrepriseId_Mois] ON [PiecesJustificatives] ([StructureId], [EntrepriseId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_PropositionsEmbauche_ContratId] ON [PropositionsEmbauche] ([ContratId]) WHERE [ContratId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PropositionsEmbauche_EmployeurId] ON [PropositionsEmbauche] ([EmployeurId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PropositionsEmbauche_EntrepriseId] ON [PropositionsEmbauche] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PropositionsEmbauche_LotId] ON [PropositionsEmbauche] ([LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PropositionsEmbauche_ParticipantId] ON [PropositionsEmbauche] ([ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PropositionsEmbauche_StructureId_EntrepriseId_ProposeeLe] ON [PropositionsEmbauche] ([StructureId], [EntrepriseId], [ProposeeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_PropositionsEmbauche_StructureId_Statut_ProposeeLe] ON [PropositionsEmbauche] ([StructureId], [Statut], [ProposeeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_SoumissionsHeures_Brouillon] ON [SoumissionsHeures] ([EntrepriseId], [Mois]) WHERE [Statut] = ''Brouillon''');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_SoumissionsHeures_StructureId_Statut_Mois] ON [SoumissionsHeures] ([StructureId], [Statut], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    CREATE INDEX [IX_TelechargementsPieces_StructureId_PieceId_Quand] ON [TelechargementsPieces] ([StructureId], [PieceId], [Quand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    ALTER TABLE [VersionsDeclaration] ADD CONSTRAINT [FK_VersionsDeclaration_SoumissionsHeures_SoumissionId] FOREIGN KEY ([SoumissionId]) REFERENCES [SoumissionsHeures] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202021454_PortailEntreprise'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202021454_PortailEntreprise', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    ALTER TABLE [Reglages] ADD [SeuilRetardLotPdb] int NOT NULL DEFAULT 8000;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    ALTER TABLE [Lots] ADD [MontantParHeureManquanteCentimes] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [Alertes] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [Nature] nvarchar(30) NOT NULL,
        [SujetId] uniqueidentifier NOT NULL,
        [Echeance] date NOT NULL,
        [DestinataireId] uniqueidentifier NOT NULL,
        [Texte] nvarchar(500) NOT NULL,
        [Lien] nvarchar(200) NOT NULL,
        [CreeeLe] datetimeoffset NOT NULL,
        [TraiteeLe] datetimeoffset NULL,
        CONSTRAINT [PK_Alertes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Alertes_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [BoiteEnvoi] (
        [Id] uniqueidentifier NOT NULL,
        [CleIdempotence] nvarchar(200) NOT NULL,
        [StructureId] uniqueidentifier NULL,
        [Destinataire] nvarchar(256) NOT NULL,
        [NomDestinataire] nvarchar(300) NOT NULL,
        [Sujet] nvarchar(300) NOT NULL,
        [Html] nvarchar(max) NOT NULL,
        [Texte] nvarchar(max) NOT NULL,
        [Statut] nvarchar(20) NOT NULL,
        [Tentatives] int NOT NULL,
        [DeposeLe] datetimeoffset NOT NULL,
        [EssaisDepuis] datetimeoffset NOT NULL,
        [ProchainEssaiLe] datetimeoffset NOT NULL,
        [EnvoiCommenceLe] datetimeoffset NULL,
        [EnvoyeLe] datetimeoffset NULL,
        [DerniereErreur] nvarchar(1000) NULL,
        CONSTRAINT [PK_BoiteEnvoi] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [ExecutionsTaches] (
        [Id] uniqueidentifier NOT NULL,
        [Cle] nvarchar(100) NOT NULL,
        [Declenchement] nvarchar(20) NOT NULL,
        [PrevuLe] datetimeoffset NULL,
        [DebutLe] datetimeoffset NOT NULL,
        [FinLe] datetimeoffset NULL,
        [Resultat] nvarchar(20) NOT NULL,
        [Message] nvarchar(2000) NULL,
        [Noeud] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_ExecutionsTaches] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [MoisCompiles] (
        [StructureId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [CompileLe] datetimeoffset NOT NULL,
        CONSTRAINT [PK_MoisCompiles] PRIMARY KEY ([StructureId], [Mois]),
        CONSTRAINT [FK_MoisCompiles_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [MoisSales] (
        [Id] bigint NOT NULL IDENTITY,
        [StructureId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        CONSTRAINT [PK_MoisSales] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_MoisSales_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [RelancesDeclaration] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [ContactId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [Rang] nvarchar(10) NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [EnvoyeeLe] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RelancesDeclaration] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_RelancesDeclaration_Mois] CHECK ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12),
        CONSTRAINT [CK_RelancesDeclaration_Rang] CHECK ([Rang] IN ('Premiere', 'Seconde')),
        CONSTRAINT [FK_RelancesDeclaration_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RelancesDeclaration_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_RelancesDeclaration_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [TachesRelance] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [CreeeLe] datetimeoffset NOT NULL,
        [DuesMinutes] bigint NOT NULL,
        [RealiseesMinutes] bigint NOT NULL,
        [MontantParHeureManquanteCentimes] bigint NULL,
        [PenaliteProposeeCentimes] bigint NULL,
        [TraiteeLe] datetimeoffset NULL,
        [TraiteeParNom] nvarchar(150) NULL,
        CONSTRAINT [PK_TachesRelance] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_TachesRelance_Minutes] CHECK ([DuesMinutes] >= 0 AND [RealiseesMinutes] >= 0),
        CONSTRAINT [CK_TachesRelance_Mois] CHECK ([Mois] >= 200001 AND [Mois] <= 999912 AND [Mois] % 100 >= 1 AND [Mois] % 100 <= 12),
        CONSTRAINT [CK_TachesRelance_Penalite] CHECK (([MontantParHeureManquanteCentimes] IS NULL AND [PenaliteProposeeCentimes] IS NULL) OR ([MontantParHeureManquanteCentimes] > 0 AND [PenaliteProposeeCentimes] >= 0)),
        CONSTRAINT [FK_TachesRelance_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TachesRelance_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_TachesRelance_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [TotauxMensuels] (
        [StructureId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [Niveau] nvarchar(20) NOT NULL,
        [CleId] uniqueidentifier NOT NULL,
        [MinutesComptees] bigint NOT NULL,
        [MinutesEnAttente] bigint NOT NULL,
        [Participants] int NOT NULL,
        [Contrats] int NOT NULL,
        CONSTRAINT [PK_TotauxMensuels] PRIMARY KEY ([StructureId], [Mois], [Niveau], [CleId]),
        CONSTRAINT [FK_TotauxMensuels_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE TABLE [TotauxMensuelsLots] (
        [StructureId] uniqueidentifier NOT NULL,
        [Mois] int NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [Modalite] nvarchar(40) NOT NULL,
        [TypeContrat] nvarchar(40) NOT NULL,
        [MinutesComptees] bigint NOT NULL,
        [MinutesEnAttente] bigint NOT NULL,
        [Contrats] int NOT NULL,
        CONSTRAINT [PK_TotauxMensuelsLots] PRIMARY KEY ([StructureId], [Mois], [LotId], [Modalite], [TypeContrat]),
        CONSTRAINT [FK_TotauxMensuelsLots_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    EXEC(N'ALTER TABLE [Reglages] ADD CONSTRAINT [CK_Reglages_Calendrier] CHECK ([JourLimiteDeclaration] >= 1 AND [JourSecondeRelance] <= 28 AND [JourPremiereRelance] > [JourLimiteDeclaration] AND [JourSecondeRelance] > [JourPremiereRelance])');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    EXEC(N'ALTER TABLE [Reglages] ADD CONSTRAINT [CK_Reglages_SeuilRetardLot] CHECK ([SeuilRetardLotPdb] > 0 AND [SeuilRetardLotPdb] <= 10000)');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    EXEC(N'ALTER TABLE [Lots] ADD CONSTRAINT [CK_Lots_PenaliteHeureManquante] CHECK ([MontantParHeureManquanteCentimes] IS NULL OR ([MontantParHeureManquanteCentimes] > 0 AND [MontantParHeureManquanteCentimes] <= 1000000))');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_DeclarationsHeures_StructureId_Mois] ON [DeclarationsHeures] ([StructureId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_Alertes_StructureId_DestinataireId_TraiteeLe_CreeeLe] ON [Alertes] ([StructureId], [DestinataireId], [TraiteeLe], [CreeeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Alertes_StructureId_Nature_SujetId_Echeance_DestinataireId] ON [Alertes] ([StructureId], [Nature], [SujetId], [Echeance], [DestinataireId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BoiteEnvoi_CleIdempotence] ON [BoiteEnvoi] ([CleIdempotence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_BoiteEnvoi_Statut_ProchainEssaiLe] ON [BoiteEnvoi] ([Statut], [ProchainEssaiLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_BoiteEnvoi_StructureId_DeposeLe] ON [BoiteEnvoi] ([StructureId], [DeposeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_ExecutionsTaches_Cle_DebutLe] ON [ExecutionsTaches] ([Cle], [DebutLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_ExecutionsTaches_Noeud_Resultat] ON [ExecutionsTaches] ([Noeud], [Resultat]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_MoisCompiles_StructureId_CompileLe] ON [MoisCompiles] ([StructureId], [CompileLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_MoisSales_StructureId_Mois_Id] ON [MoisSales] ([StructureId], [Mois], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_RelancesDeclaration_EntrepriseId] ON [RelancesDeclaration] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_RelancesDeclaration_LotId] ON [RelancesDeclaration] ([LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE UNIQUE INDEX [IX_RelancesDeclaration_StructureId_ContactId_LotId_Mois_Rang] ON [RelancesDeclaration] ([StructureId], [ContactId], [LotId], [Mois], [Rang]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_RelancesDeclaration_StructureId_Mois_LotId] ON [RelancesDeclaration] ([StructureId], [Mois], [LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_TachesRelance_EntrepriseId] ON [TachesRelance] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_TachesRelance_LotId] ON [TachesRelance] ([LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE UNIQUE INDEX [IX_TachesRelance_StructureId_LotId_EntrepriseId_Mois] ON [TachesRelance] ([StructureId], [LotId], [EntrepriseId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_TachesRelance_StructureId_TraiteeLe_CreeeLe] ON [TachesRelance] ([StructureId], [TraiteeLe], [CreeeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_TotauxMensuels_StructureId_Niveau_CleId_Mois] ON [TotauxMensuels] ([StructureId], [Niveau], [CleId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    CREATE INDEX [IX_TotauxMensuelsLots_StructureId_LotId_Mois] ON [TotauxMensuelsLots] ([StructureId], [LotId], [Mois]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202065341_TachesTotauxRelances'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202065341_TachesTotauxRelances', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [Reglages] ADD [InactiviteSessionMinutes] int NOT NULL DEFAULT 120;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [Empreinte] nchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [EmpreinteChangements] nchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [EmpreintePrecedente] nchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [PurgeLe] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [Sequence] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [Contrats] ADD [SituationApres] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [BoiteEnvoi] ADD [PieceJointeContenu] varbinary(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [BoiteEnvoi] ADD [PieceJointeNom] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    ALTER TABLE [BoiteEnvoi] ADD [PieceJointeType] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    CREATE TABLE [EnvoisBilans] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [DonneurOrdreId] uniqueidentifier NOT NULL,
        [Perimetre] nvarchar(20) NOT NULL,
        [PerimetreId] uniqueidentifier NOT NULL,
        [LibellePerimetre] nvarchar(400) NOT NULL,
        [Du] int NOT NULL,
        [Au] int NOT NULL,
        [EnvoyeParId] uniqueidentifier NULL,
        [EnvoyeParNom] nvarchar(200) NOT NULL,
        [EnvoyeLe] datetimeoffset NOT NULL,
        [Destinataires] nvarchar(4000) NOT NULL,
        [NombreDestinataires] int NOT NULL,
        [NomFichier] nvarchar(200) NOT NULL,
        CONSTRAINT [PK_EnvoisBilans] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_EnvoisBilans_Destinataires] CHECK ([NombreDestinataires] >= 1 AND [NombreDestinataires] <= 20),
        CONSTRAINT [CK_EnvoisBilans_Mois] CHECK ([Du] >= 190001 AND [Au] <= 299912 AND [Du] <= [Au]),
        CONSTRAINT [CK_EnvoisBilans_Perimetre] CHECK ([Perimetre] IN ('Lot', 'Marche', 'Operation', 'DonneurOrdre')),
        CONSTRAINT [FK_EnvoisBilans_DonneursOrdre_DonneurOrdreId] FOREIGN KEY ([DonneurOrdreId]) REFERENCES [DonneursOrdre] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_EnvoisBilans_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    CREATE TABLE [SessionsConnexion] (
        [Id] uniqueidentifier NOT NULL,
        [UtilisateurId] uniqueidentifier NOT NULL,
        [Empreinte] varchar(64) NOT NULL,
        [Ticket] varbinary(max) NOT NULL,
        [Tampon] nvarchar(256) NOT NULL,
        [CreeLe] datetimeoffset NOT NULL,
        [DerniereActiviteLe] datetimeoffset NOT NULL,
        [ExpireLe] datetimeoffset NOT NULL,
        [InactiviteMinutes] int NOT NULL,
        [Navigateur] nvarchar(60) NOT NULL,
        CONSTRAINT [PK_SessionsConnexion] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SessionsConnexion_AspNetUsers_UtilisateurId] FOREIGN KEY ([UtilisateurId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_JournalAudit_StructureId_Sequence] ON [JournalAudit] ([StructureId], [Sequence]) WHERE [StructureId] IS NOT NULL AND [Sequence] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    CREATE INDEX [IX_EnvoisBilans_DonneurOrdreId] ON [EnvoisBilans] ([DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    CREATE INDEX [IX_EnvoisBilans_StructureId_DonneurOrdreId_EnvoyeLe] ON [EnvoisBilans] ([StructureId], [DonneurOrdreId], [EnvoyeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SessionsConnexion_Empreinte] ON [SessionsConnexion] ([Empreinte]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    CREATE INDEX [IX_SessionsConnexion_UtilisateurId] ON [SessionsConnexion] ([UtilisateurId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202205705_BilansSessionsAudit'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202205705_BilansSessionsAudit', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203104126_S7Totp'
)
BEGIN
    ALTER TABLE [Reglages] ADD [DoubleFacteurTousRoles] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203104126_S7Totp'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [DernierPasAuthentificateur] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203104126_S7Totp'
)
BEGIN
    CREATE TABLE [ReinitialisationsDoubleFacteur] (
        [Id] uniqueidentifier NOT NULL,
        [UtilisateurId] uniqueidentifier NOT NULL,
        [ParUtilisateurId] uniqueidentifier NOT NULL,
        [Le] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ReinitialisationsDoubleFacteur] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReinitialisationsDoubleFacteur_AspNetUsers_UtilisateurId] FOREIGN KEY ([UtilisateurId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203104126_S7Totp'
)
BEGIN
    CREATE INDEX [IX_ReinitialisationsDoubleFacteur_UtilisateurId] ON [ReinitialisationsDoubleFacteur] ([UtilisateurId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261203104126_S7Totp'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261203104126_S7Totp', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    ALTER TABLE [Reglages] ADD [AnonymisationConfirmeeLe] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    ALTER TABLE [Reglages] ADD [AnonymisationConfirmeeParNom] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    ALTER TABLE [Reglages] ADD [ConservationJournauxMois] int NOT NULL DEFAULT 12;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    ALTER TABLE [Participants] ADD [AnonymiseLe] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    ALTER TABLE [Contrats] ADD [AgeAuDebutFige] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    CREATE TABLE [DemandesDroits] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [DateDemande] date NULL,
        [DateReponse] date NOT NULL,
        [AuteurId] uniqueidentifier NOT NULL,
        [AuteurNom] nvarchar(150) NOT NULL,
        CONSTRAINT [PK_DemandesDroits] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_DemandesDroits_Date] CHECK (([Type] = 'Rectification' AND [DateDemande] IS NOT NULL) OR ([Type] = 'Acces' AND [DateDemande] IS NULL)),
        CONSTRAINT [FK_DemandesDroits_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_DemandesDroits_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    CREATE INDEX [IX_DemandesDroits_ParticipantId] ON [DemandesDroits] ([ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    CREATE INDEX [IX_DemandesDroits_StructureId_ParticipantId_DateReponse] ON [DemandesDroits] ([StructureId], [ParticipantId], [DateReponse]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204031634_S10DroitsConservation'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204031634_S10DroitsConservation', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Structures] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Participants] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Participants] ADD [RechercheCommune] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Operations] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Marches] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Lots] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[JournalAccesDonneesSensibles]') AND [c].[name] = N'ParticipantId');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [JournalAccesDonneesSensibles] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [JournalAccesDonneesSensibles] ALTER COLUMN [ParticipantId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [Entreprises] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    ALTER TABLE [DonneursOrdre] ADD [Recherche] nvarchar(800) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Structures_Recherche] ON [Structures] ([Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Participants_StructureId_Recherche] ON [Participants] ([StructureId], [Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Participants_StructureId_RechercheCommune] ON [Participants] ([StructureId], [RechercheCommune]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Operations_StructureId_Recherche] ON [Operations] ([StructureId], [Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Marches_StructureId_Recherche] ON [Marches] ([StructureId], [Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Lots_StructureId_Recherche] ON [Lots] ([StructureId], [Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_Entreprises_StructureId_Recherche] ON [Entreprises] ([StructureId], [Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    CREATE INDEX [IX_DonneursOrdre_StructureId_Recherche] ON [DonneursOrdre] ([StructureId], [Recherche]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261204201232_S11ListesRecherche'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261204201232_S11ListesRecherche', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    ALTER TABLE [Reglages] ADD [DelaiReponseListeJours] int NOT NULL DEFAULT 10;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    ALTER TABLE [Reglages] ADD [FileActiveMax] int NOT NULL DEFAULT 100;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    ALTER TABLE [Reglages] ADD [FileActiveMin] int NOT NULL DEFAULT 60;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    ALTER TABLE [JournalAudit] ADD [ImportId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE TABLE [JournauxImport] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [Quand] datetimeoffset NOT NULL,
        [UtilisateurId] uniqueidentifier NULL,
        [NomUtilisateur] nvarchar(150) NOT NULL,
        [NomJeton] nvarchar(80) NULL,
        [NomFichier] nvarchar(255) NOT NULL,
        [ABlanc] bit NOT NULL,
        [Resultat] nvarchar(20) NOT NULL,
        [NombreErreurs] int NOT NULL,
        [Compteurs] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_JournauxImport] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_JournauxImport_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE TABLE [LiensImport] (
        [Id] bigint NOT NULL IDENTITY,
        [StructureId] uniqueidentifier NOT NULL,
        [Feuille] nvarchar(40) NOT NULL,
        [Ref] nvarchar(100) NOT NULL,
        [EnregistrementId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_LiensImport] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LiensImport_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE TABLE [Parcours] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [ReferentId] uniqueidentifier NOT NULL,
        [DateEntree] date NOT NULL,
        [Prescripteur] nvarchar(40) NULL,
        [Deld] bit NOT NULL,
        [Rsa] bit NOT NULL,
        [Th] bit NOT NULL,
        [AutrePublic] bit NOT NULL,
        [Sexe] nvarchar(40) NOT NULL,
        [AgeEntree] int NOT NULL,
        [Niveau] nvarchar(40) NOT NULL,
        [TrancheInactivite] nvarchar(40) NOT NULL,
        [TypeSortie] nvarchar(40) NULL,
        [DateSortie] date NULL,
        [ReouvertLe] date NULL,
        [MotifReouverture] nvarchar(1000) NULL,
        CONSTRAINT [PK_Parcours] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Parcours_Sortie] CHECK (([TypeSortie] IS NULL AND [DateSortie] IS NULL) OR ([TypeSortie] IS NOT NULL AND [DateSortie] IS NOT NULL AND [DateSortie] >= [DateEntree])),
        CONSTRAINT [FK_Parcours_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Parcours_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE TABLE [PostesAPourvoir] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [LotId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [Intitule] nvarchar(150) NOT NULL,
        [CodeRome] nvarchar(5) NULL,
        [Nombre] int NOT NULL,
        [TypeContrat] nvarchar(40) NOT NULL,
        [DateDebut] date NOT NULL,
        [HeuresHebdoMinutes] bigint NULL,
        [Lieu] nvarchar(200) NULL,
        [Exigences] nvarchar(2000) NULL,
        [Statut] nvarchar(40) NOT NULL,
        [CreeParId] uniqueidentifier NOT NULL,
        [CreeParNom] nvarchar(150) NOT NULL,
        [CreeLe] datetimeoffset NOT NULL,
        CONSTRAINT [PK_PostesAPourvoir] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_PostesAPourvoir_HeuresHebdo] CHECK ([HeuresHebdoMinutes] IS NULL OR ([HeuresHebdoMinutes] > 0 AND [HeuresHebdoMinutes] <= 2880)),
        CONSTRAINT [CK_PostesAPourvoir_Nombre] CHECK ([Nombre] > 0 AND [Nombre] <= 999),
        CONSTRAINT [FK_PostesAPourvoir_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PostesAPourvoir_Lots_LotId] FOREIGN KEY ([LotId]) REFERENCES [Lots] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_PostesAPourvoir_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE TABLE [EtapesParcours] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [ParcoursId] uniqueidentifier NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [DateDebut] date NOT NULL,
        [DateFin] date NULL,
        [StructureBeneficiaire] nvarchar(150) NULL,
        [FinanceePlie] bit NOT NULL,
        [Bilan] nvarchar(2000) NULL,
        CONSTRAINT [PK_EtapesParcours] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_EtapesParcours_Dates] CHECK ([DateFin] IS NULL OR [DateFin] >= [DateDebut]),
        CONSTRAINT [FK_EtapesParcours_Parcours_ParcoursId] FOREIGN KEY ([ParcoursId]) REFERENCES [Parcours] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_EtapesParcours_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE TABLE [Candidatures] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [PosteId] uniqueidentifier NOT NULL,
        [EntrepriseId] uniqueidentifier NOT NULL,
        [ParticipantId] uniqueidentifier NOT NULL,
        [Email] nvarchar(254) NULL,
        [Telephone] nvarchar(20) NULL,
        [Statut] nvarchar(40) NOT NULL,
        [Eligibilite] nvarchar(40) NOT NULL,
        [RaisonEligibilite] nvarchar(500) NULL,
        [ProposeeParId] uniqueidentifier NOT NULL,
        [ProposeeParNom] nvarchar(150) NOT NULL,
        [ProposeeLe] datetimeoffset NOT NULL,
        [ValideeParId] uniqueidentifier NULL,
        [ValideeParNom] nvarchar(150) NULL,
        [ValideeLe] datetimeoffset NULL,
        [MotifDerogation] nvarchar(1000) NULL,
        [PresenteeParId] uniqueidentifier NULL,
        [PresenteeParNom] nvarchar(150) NULL,
        [PresenteeLe] datetimeoffset NULL,
        [IssueParId] uniqueidentifier NULL,
        [IssueParNom] nvarchar(150) NULL,
        [IssueLe] datetimeoffset NULL,
        [MotifNonRetenu] nvarchar(40) NULL,
        [PrecisionNonRetenu] nvarchar(1000) NULL,
        [ContratId] uniqueidentifier NULL,
        [Suite] nvarchar(1000) NULL,
        [SuiteParId] uniqueidentifier NULL,
        [SuiteParNom] nvarchar(150) NULL,
        [SuiteLe] datetimeoffset NULL,
        CONSTRAINT [PK_Candidatures] PRIMARY KEY ([Id]),
        CONSTRAINT [CK_Candidatures_Joignable] CHECK ([Email] IS NOT NULL OR [Telephone] IS NOT NULL),
        CONSTRAINT [CK_Candidatures_NonRetenue] CHECK (([Statut] = 'NonRetenue' AND [MotifNonRetenu] IS NOT NULL AND [PrecisionNonRetenu] IS NOT NULL) OR ([Statut] <> 'NonRetenue' AND [MotifNonRetenu] IS NULL)),
        CONSTRAINT [CK_Candidatures_Retenue] CHECK (([Statut] = 'Retenue' AND [ContratId] IS NOT NULL) OR ([Statut] <> 'Retenue' AND [ContratId] IS NULL)),
        CONSTRAINT [FK_Candidatures_Contrats_ContratId] FOREIGN KEY ([ContratId]) REFERENCES [Contrats] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Candidatures_Entreprises_EntrepriseId] FOREIGN KEY ([EntrepriseId]) REFERENCES [Entreprises] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Candidatures_Participants_ParticipantId] FOREIGN KEY ([ParticipantId]) REFERENCES [Participants] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Candidatures_PostesAPourvoir_PosteId] FOREIGN KEY ([PosteId]) REFERENCES [PostesAPourvoir] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Candidatures_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Candidatures_ContratId] ON [Candidatures] ([ContratId]) WHERE [ContratId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Candidatures_EntrepriseId] ON [Candidatures] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Candidatures_ParticipantId] ON [Candidatures] ([ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Candidatures_PosteId] ON [Candidatures] ([PosteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Candidatures_StructureId_EntrepriseId_Statut] ON [Candidatures] ([StructureId], [EntrepriseId], [Statut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Candidatures_StructureId_ParticipantId] ON [Candidatures] ([StructureId], [ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Candidatures_StructureId_PosteId_ParticipantId] ON [Candidatures] ([StructureId], [PosteId], [ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Candidatures_StructureId_Statut_PresenteeLe] ON [Candidatures] ([StructureId], [Statut], [PresenteeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_EtapesParcours_ParcoursId] ON [EtapesParcours] ([ParcoursId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_EtapesParcours_StructureId_ParcoursId_DateDebut] ON [EtapesParcours] ([StructureId], [ParcoursId], [DateDebut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_JournauxImport_StructureId_Quand] ON [JournauxImport] ([StructureId], [Quand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE UNIQUE INDEX [IX_LiensImport_StructureId_Feuille_Ref] ON [LiensImport] ([StructureId], [Feuille], [Ref]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Parcours_ParticipantId] ON [Parcours] ([ParticipantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Parcours_StructureId_ParticipantId_DateEntree] ON [Parcours] ([StructureId], [ParticipantId], [DateEntree]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Parcours_StructureId_ParticipantId_Ouvert] ON [Parcours] ([StructureId], [ParticipantId]) WHERE [TypeSortie] IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_Parcours_StructureId_ReferentId_TypeSortie] ON [Parcours] ([StructureId], [ReferentId], [TypeSortie]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_PostesAPourvoir_EntrepriseId] ON [PostesAPourvoir] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_PostesAPourvoir_LotId] ON [PostesAPourvoir] ([LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_PostesAPourvoir_StructureId_EntrepriseId_CreeLe] ON [PostesAPourvoir] ([StructureId], [EntrepriseId], [CreeLe]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_PostesAPourvoir_StructureId_LotId] ON [PostesAPourvoir] ([StructureId], [LotId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    CREATE INDEX [IX_PostesAPourvoir_StructureId_Statut_DateDebut] ON [PostesAPourvoir] ([StructureId], [Statut], [DateDebut]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206221938_S12ImportParcoursPlacement'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206221938_S12ImportParcoursPlacement', N'10.0.15');
END;

COMMIT;
GO

