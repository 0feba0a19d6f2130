namespace OpenIsms.Migrations.Sqlite;

/// <summary>The SQLite full-text index of risks (FTS5), for the migration that creates it and any that rebuild "Risk".</summary>
public static class RiskSearchSql
{
    public static readonly string[] Drop =
    [
        "DROP TRIGGER IF EXISTS \"Risk_Search_Insert\"",
        "DROP TRIGGER IF EXISTS \"Risk_Search_Update\"",
        "DROP TRIGGER IF EXISTS \"Risk_Search_Delete\"",
        "DROP TABLE IF EXISTS \"RiskSearch\"",
    ];

    public static readonly string[] Create =
    [
        .. Drop,
        "CREATE VIRTUAL TABLE \"RiskSearch\" USING fts5(\"Reference\", \"Title\", \"Description\", tokenize = 'unicode61 remove_diacritics 2')",
        "INSERT INTO \"RiskSearch\"(rowid, \"Reference\", \"Title\", \"Description\") SELECT rowid, \"Reference\", \"Title\", coalesce(\"Description\", '') FROM \"Risk\"",
        """
        CREATE TRIGGER "Risk_Search_Insert" AFTER INSERT ON "Risk" BEGIN
          INSERT INTO "RiskSearch"(rowid, "Reference", "Title", "Description") VALUES (new.rowid, new."Reference", new."Title", coalesce(new."Description", ''));
        END
        """,
        """
        CREATE TRIGGER "Risk_Search_Update" AFTER UPDATE OF "Reference", "Title", "Description" ON "Risk" BEGIN
          DELETE FROM "RiskSearch" WHERE rowid = old.rowid;
          INSERT INTO "RiskSearch"(rowid, "Reference", "Title", "Description") VALUES (new.rowid, new."Reference", new."Title", coalesce(new."Description", ''));
        END
        """,
        """
        CREATE TRIGGER "Risk_Search_Delete" AFTER DELETE ON "Risk" BEGIN
          DELETE FROM "RiskSearch" WHERE rowid = old.rowid;
        END
        """,
    ];
}
