using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Data.Sqlite;
using Rapport.Emulator;
using Rapport.Emulator.Store;

namespace Rapport.LocalEnvironment.Persistence;

/// <summary>
/// The local environment's data on disk (SQLite, WAL): the rows as they stand after each request, written in one
/// SQLite transaction per request, and the imported solution zips. Killing the process mid-request loses at most
/// that request; SQLite's journal keeps the file consistent. Registration rows are not stored: they come back by
/// re-importing the stored zips, whose assemblies must be loaded again anyway.
/// </summary>
internal sealed class LocalDataStore : IDisposable
{
    private static readonly HashSet<string> Derived = new(StringComparer.Ordinal)
    {
        "sdkmessage", "sdkmessagefilter", "sdkmessageprocessingstep", "sdkmessageprocessingstepimage", "plugintype",
        "pluginassembly", "customapi", "customapirequestparameter", "customapiresponseproperty",
    };

    private readonly SqliteConnection _connection;
    private readonly Dictionary<(string Table, Guid Id), Row> _known = new();

    public LocalDataStore(string directory)
    {
        Directory.CreateDirectory(directory);
        // The folder ignores itself, so a default .local-data/ inside the repository never shows up in git.
        var ignore = Path.Combine(directory, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "*\n");
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "rapport-local.db") }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS rows (tbl TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (tbl, id));
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS solutions (seq INTEGER PRIMARY KEY AUTOINCREMENT, uniquename TEXT NOT NULL, zip BLOB NOT NULL);
            """);
    }

    /// <summary>
    /// Puts the stored rows into a fresh emulator (keeping the stored organization id, SYSTEM user and root unit) and
    /// returns the stored zips, oldest first.
    /// </summary>
    public IReadOnlyList<byte[]> Load(DataverseEmulator env)
    {
        var org = env.Organization;
        var meta = Meta();
        if (meta.TryGetValue("organizationid", out var organization))
        {
            org.OrganizationId = Guid.Parse(organization);
        }

        if (meta.TryGetValue("systemuserid", out var user) && meta.TryGetValue("rootbusinessunitid", out var unit))
        {
            foreach (var (table, id) in new[] { ("systemuser", org.SystemUserId), ("businessunit", org.RootBusinessUnitId) })
            {
                if (org.Store.Find(table, id) is { } fresh)
                {
                    org.Store.Remove(fresh);
                }
            }

            org.SystemUserId = Guid.Parse(user);
            org.RootBusinessUnitId = Guid.Parse(unit);
        }

        long maxVersion = 0;
        using (var command = Command("SELECT tbl, id, data FROM rows"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var table = reader.GetString(0);
                if (env.Metadata.Find(table) is null)
                {
                    continue; // a table no longer declared: its rows stay on disk, unread
                }

                var values = RowCodec.Decode(reader.GetString(2));
                maxVersion = Math.Max(maxVersion, values.GetValueOrDefault("versionnumber") is long v ? v : 0);
                org.Store.Insert(table, Guid.Parse(reader.GetString(1)), values);
            }
        }

        // Versions (etags) keep growing across restarts.
        while (org.Store.NextVersion() < maxVersion)
        {
        }

        var zips = new List<byte[]>();
        using (var command = Command("SELECT zip FROM solutions ORDER BY seq"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                zips.Add((byte[])reader[0]);
            }
        }

        return zips;
    }

    /// <summary>Marks the current rows as stored (after Load and the re-imports) and records the organization's identity.</summary>
    public void Baseline(DataverseEmulator env)
    {
        _known.Clear();
        foreach (var row in Tracked(env))
        {
            _known[(row.Table, row.Id)] = row;
        }

        using var transaction = _connection.BeginTransaction();
        SetMeta(transaction, "organizationid", env.OrganizationId.ToString("D"));
        SetMeta(transaction, "systemuserid", env.SystemUserId.ToString("D"));
        SetMeta(transaction, "rootbusinessunitid", env.RootBusinessUnitId.ToString("D"));
        foreach (var row in _known.Values)
        {
            Upsert(transaction, row);
        }

        transaction.Commit();
    }

    /// <summary>Writes every row changed or removed since the last call, in one SQLite transaction.</summary>
    public void Commit(DataverseEmulator env)
    {
        var changed = new List<Row>();
        var seen = new HashSet<(string, Guid)>();
        foreach (var row in Tracked(env))
        {
            var key = (row.Table, row.Id);
            seen.Add(key);
            // Rows are immutable: a write replaces the object, so reference inequality is a change.
            if (!_known.TryGetValue(key, out var known) || !ReferenceEquals(known, row))
            {
                changed.Add(row);
            }
        }

        var removed = _known.Keys.Where(k => !seen.Contains(k)).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        foreach (var row in changed)
        {
            Upsert(transaction, row);
        }

        foreach (var (table, id) in removed)
        {
            using var delete = Command("DELETE FROM rows WHERE tbl = $t AND id = $i", transaction);
            delete.Parameters.AddWithValue("$t", table);
            delete.Parameters.AddWithValue("$i", id.ToString("D"));
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
        foreach (var row in changed)
        {
            _known[(row.Table, row.Id)] = row;
        }

        foreach (var key in removed)
        {
            _known.Remove(key);
        }
    }

    /// <summary>Keeps the latest zip of each solution, to import again at the next start.</summary>
    public void SaveSolution(string uniqueName, byte[] zip)
    {
        using var transaction = _connection.BeginTransaction();
        using (var delete = Command("DELETE FROM solutions WHERE uniquename = $n", transaction))
        {
            delete.Parameters.AddWithValue("$n", uniqueName);
            delete.ExecuteNonQuery();
        }

        using (var insert = Command("INSERT INTO solutions (uniquename, zip) VALUES ($n, $z)", transaction))
        {
            insert.Parameters.AddWithValue("$n", uniqueName);
            insert.Parameters.AddWithValue("$z", zip);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private static IEnumerable<Row> Tracked(DataverseEmulator env) =>
        env.Metadata.Tables.Where(t => !Derived.Contains(t.LogicalName)).SelectMany(t => env.Store.Rows(t.LogicalName));

    private void Upsert(SqliteTransaction transaction, Row row)
    {
        using var command = Command("INSERT INTO rows (tbl, id, data) VALUES ($t, $i, $d) ON CONFLICT (tbl, id) DO UPDATE SET data = excluded.data", transaction);
        command.Parameters.AddWithValue("$t", row.Table);
        command.Parameters.AddWithValue("$i", row.Id.ToString("D"));
        command.Parameters.AddWithValue("$d", RowCodec.Encode(row.Values));
        command.ExecuteNonQuery();
    }

    private Dictionary<string, string> Meta()
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Command("SELECT key, value FROM meta");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            meta[reader.GetString(0)] = reader.GetString(1);
        }

        return meta;
    }

    private void SetMeta(SqliteTransaction transaction, string key, string value)
    {
        using var command = Command("INSERT INTO meta (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", transaction);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
