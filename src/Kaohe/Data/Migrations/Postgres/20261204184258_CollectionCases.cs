using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kaohe.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CollectionCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CollectionCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    BorrowerKey = table.Column<long>(type: "bigint", nullable: false),
                    BorrowerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContractNumbers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedBySnapshotId = table.Column<int>(type: "integer", nullable: false),
                    SnapshotId = table.Column<int>(type: "integer", nullable: false),
                    OverduePrincipalFen = table.Column<long>(type: "bigint", nullable: false),
                    OverdueInterestFen = table.Column<long>(type: "bigint", nullable: false),
                    OldestUnpaidDue = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedBySnapshotId = table.Column<int>(type: "integer", nullable: true),
                    CloseReason = table.Column<int>(type: "integer", nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PreviousCaseId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectionCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectionCases_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    ContactedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextAction = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NextActionOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PromisedFen = table.Column<long>(type: "bigint", nullable: true),
                    PromisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CorrectsId = table.Column<int>(type: "integer", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactRecords_CollectionCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "CollectionCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactRecords_ContactRecords_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PromiseOutcomes",
                columns: table => new
                {
                    ContactRecordId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Kept = table.Column<bool>(type: "boolean", nullable: false),
                    PaidSinceFen = table.Column<long>(type: "bigint", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SnapshotId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PromiseOutcomes", x => x.ContactRecordId);
                    table.ForeignKey(
                        name: "FK_PromiseOutcomes_ContactRecords_ContactRecordId",
                        column: x => x.ContactRecordId,
                        principalTable: "ContactRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionCases_UnitId_BorrowerKey",
                table: "CollectionCases",
                columns: new[] { "UnitId", "BorrowerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectionCases_UnitId_ClosedOn",
                table: "CollectionCases",
                columns: new[] { "UnitId", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_CaseId",
                table: "ContactRecords",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_CorrectsId",
                table: "ContactRecords",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactRecords_UnitId_ContactedAtUtc",
                table: "ContactRecords",
                columns: new[] { "UnitId", "ContactedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PromiseOutcomes_CaseId",
                table: "PromiseOutcomes",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PromiseOutcomes");

            migrationBuilder.DropTable(
                name: "ContactRecords");

            migrationBuilder.DropTable(
                name: "CollectionCases");
        }
    }
}
