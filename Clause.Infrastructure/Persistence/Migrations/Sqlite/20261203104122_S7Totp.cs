using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class S7Totp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DoubleFacteurTousRoles",
                table: "Reglages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "DernierPasAuthentificateur",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReinitialisationsDoubleFacteur",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UtilisateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParUtilisateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Le = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReinitialisationsDoubleFacteur", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReinitialisationsDoubleFacteur_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReinitialisationsDoubleFacteur_UtilisateurId",
                table: "ReinitialisationsDoubleFacteur",
                column: "UtilisateurId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReinitialisationsDoubleFacteur");

            migrationBuilder.DropColumn(
                name: "DoubleFacteurTousRoles",
                table: "Reglages");

            migrationBuilder.DropColumn(
                name: "DernierPasAuthentificateur",
                table: "AspNetUsers");
        }
    }
}
