using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaohe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstalmentKeyBySnapshotAndBorrower : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The old indexes and the foreign key go first: the update below rewrites every row, and
            // would otherwise rewrite each row's entry in every index as well.
            migrationBuilder.DropForeignKey(
                name: "FK_Instalments_LedgerSnapshots_SnapshotId",
                table: "Instalments");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments");

            migrationBuilder.DropIndex(
                name: "IX_Instalments_SnapshotId",
                table: "Instalments");

            migrationBuilder.DropIndex(
                name: "IX_Instalments_UnitId_BorrowerKey",
                table: "Instalments");

            // Rows so far were written in file order, so their place in the snapshot follows their Id.
            migrationBuilder.AddColumn<int>(
                name: "Ordinal",
                table: "Instalments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "Instalments" AS i SET "Ordinal" = r.n FROM (SELECT "Id", row_number() OVER (PARTITION BY "SnapshotId" ORDER BY "Id") AS n FROM "Instalments") AS r WHERE i."Id" = r."Id";
                ALTER TABLE "Instalments" ALTER COLUMN "Ordinal" DROP DEFAULT;
                """);

            migrationBuilder.DropColumn(
                name: "Id",
                table: "Instalments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments",
                columns: new[] { "SnapshotId", "BorrowerKey", "Ordinal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments");

            migrationBuilder.DropColumn(
                name: "Ordinal",
                table: "Instalments");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "Instalments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_Instalments",
                table: "Instalments",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_Instalments_SnapshotId",
                table: "Instalments",
                column: "SnapshotId");

            migrationBuilder.CreateIndex(
                name: "IX_Instalments_UnitId_BorrowerKey",
                table: "Instalments",
                columns: new[] { "UnitId", "BorrowerKey" });

            migrationBuilder.AddForeignKey(
                name: "FK_Instalments_LedgerSnapshots_SnapshotId",
                table: "Instalments",
                column: "SnapshotId",
                principalTable: "LedgerSnapshots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
