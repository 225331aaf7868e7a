using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clause.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreinteChangements",
                table: "JournalAudit",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmpreintePrecedente",
                table: "JournalAudit",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PurgeLe",
                table: "JournalAudit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "JournalAudit",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_JournalAudit_StructureId_Sequence",
                table: "JournalAudit",
                columns: new[] { "StructureId", "Sequence" },
                unique: true);
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
