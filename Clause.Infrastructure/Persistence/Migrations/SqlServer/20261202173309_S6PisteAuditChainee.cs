using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class S6PisteAuditChainee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Empreinte",
                table: "JournalAudit",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreinteChangements",
                table: "JournalAudit",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreintePrecedente",
                table: "JournalAudit",
                type: "nchar(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PurgeLe",
                table: "JournalAudit",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JournalAudit",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalAudit_StructureId_Sequence",
                table: "JournalAudit",
                columns: new[] { "StructureId", "Sequence" },
                unique: true,
                filter: "[StructureId] IS NOT NULL AND [Sequence] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_JournalAudit_StructureId_Sequence",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "Empreinte",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "EmpreinteChangements",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "EmpreintePrecedente",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "PurgeLe",
                table: "JournalAudit");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "JournalAudit");
        }
    }
}
