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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE TABLE [Entreprises] (
        [Id] uniqueidentifier NOT NULL,
        [StructureId] uniqueidentifier NOT NULL,
        [RaisonSociale] nvarchar(200) NOT NULL,
        [Siret] nvarchar(14) NOT NULL,
        [TypeEmployeur] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_Entreprises] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Entreprises_Structures_StructureId] FOREIGN KEY ([StructureId]) REFERENCES [Structures] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
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
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_DonneurOrdreId] ON [AspNetUsers] ([DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_EntrepriseId] ON [AspNetUsers] ([EntrepriseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_StructureId] ON [AspNetUsers] ([StructureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_ContactsDonneurOrdre_DonneurOrdreId] ON [ContactsDonneurOrdre] ([DonneurOrdreId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_DonneursOrdre_StructureId_RaisonSociale] ON [DonneursOrdre] ([StructureId], [RaisonSociale]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_DonneursOrdre_StructureId_Siret] ON [DonneursOrdre] ([StructureId], [Siret]) WHERE [Siret] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Entreprises_StructureId_Siret] ON [Entreprises] ([StructureId], [Siret]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE INDEX [IX_JournalAudit_RacineId_Quand] ON [JournalAudit] ([RacineId], [Quand]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reglages_StructureId] ON [Reglages] ([StructureId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Structures_Nom] ON [Structures] ([Nom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261127104725_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261127104725_Initial', N'10.0.15');
END;

COMMIT;
GO

