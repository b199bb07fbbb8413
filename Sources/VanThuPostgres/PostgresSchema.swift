import Foundation

/// The PostgreSQL store's schema, as numbered migrations. `vanthu_schema` holds the version a
/// store is at; opening it runs the missing migrations in one transaction under an advisory lock
/// (workers started together migrate once), and says so on standard error. A store at a version
/// this binary does not know (written by a newer vanthu) is refused before anything is changed.
///
/// Identifiers, paths and roots are `COLLATE "C"`: they sort by bytes, as SQLite's BINARY does,
/// so the archive's order is the same on both backends whatever the database's locale.
enum PostgresSchema {
    /// Every migration, in order; the store's version is how many have run.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1 documents, sources, runs, quarantine, facts, work queue, full-text search", [
            """
            CREATE EXTENSION IF NOT EXISTS unaccent
            """,
            """
            CREATE EXTENSION IF NOT EXISTS pg_trgm
            """,
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vanthu') THEN
                    CREATE TEXT SEARCH CONFIGURATION vanthu (COPY = simple);
                    ALTER TEXT SEARCH CONFIGURATION vanthu ALTER MAPPING FOR asciiword, word, numword, asciihword, hword,
                        numhword, hword_asciipart, hword_part, hword_numpart, int, uint, float, sfloat, version, email, url, host,
                        url_path, file WITH unaccent, simple;
                END IF;
            END $$
            """,
            // ASCII punctuation made blank before parsing, so that the words are the SQLite index's
            // (its tokenizer splits at every character that is no letter or digit): "V/v" is the
            // words v and v, not the file name "v/v"; "NĐ-CP" is nd and cp.
            """
            CREATE FUNCTION vanthu_words(text) RETURNS text IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql
            AS $$ SELECT translate($1, '!"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~', '                                ') $$
            """,
            """
            CREATE TABLE vanthu_meta (key text PRIMARY KEY, value text NOT NULL)
            """,
            """
            CREATE SEQUENCE vanthu_generation
            """,
            """
            CREATE TABLE documents (
                id text COLLATE "C" PRIMARY KEY,
                path text COLLATE "C" NOT NULL,
                sha256 text NOT NULL,
                size bigint NOT NULL,
                extractor_version text NOT NULL,
                kind text NOT NULL,
                date text COLLATE "C",
                title text,
                record bytea NOT NULL,
                summary bytea NOT NULL,
                gone boolean NOT NULL DEFAULT false,
                first_run bigint,
                last_run bigint,
                search tsvector NOT NULL
            )
            """,
            """
            CREATE INDEX documents_search ON documents USING gin (search)
            """,
            """
            CREATE TABLE sources (
                location text COLLATE "C" PRIMARY KEY,
                root text COLLATE "C" NOT NULL,
                path text COLLATE "C" NOT NULL,
                size bigint NOT NULL,
                mtime double precision NOT NULL,
                sha256 text,
                document_id text COLLATE "C",
                status text NOT NULL,
                extractor_version text NOT NULL,
                last_seen_run bigint NOT NULL
            )
            """,
            """
            CREATE INDEX sources_document ON sources (document_id)
            """,
            """
            CREATE TABLE runs (
                id bigserial PRIMARY KEY,
                worker text NOT NULL,
                started_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                inputs integer, processed integer, skipped integer, archived integer,
                quarantined integer, gone integer, exit_status integer
            )
            """,
            """
            CREATE TABLE quarantine (
                location text COLLATE "C" PRIMARY KEY,
                path text NOT NULL,
                stage text NOT NULL,
                reason text NOT NULL,
                run_id bigint
            )
            """,
            """
            CREATE TABLE facts (
                document_id text COLLATE "C" NOT NULL,
                type text NOT NULL,
                value text COLLATE "C" NOT NULL,
                PRIMARY KEY (document_id, type, value)
            )
            """,
            """
            CREATE INDEX facts_unit_trigrams ON facts USING gin (value gin_trgm_ops) WHERE type = 'unit'
            """,
            """
            CREATE TABLE work (
                location text COLLATE "C" PRIMARY KEY,
                root text COLLATE "C" NOT NULL,
                size bigint NOT NULL,
                mtime double precision NOT NULL,
                owner text,
                lease_until timestamptz,
                done boolean NOT NULL DEFAULT false,
                claims integer NOT NULL DEFAULT 0,
                completions integer NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE INDEX work_open ON work (root, location) WHERE NOT done
            """,
        ]),
        // One export for many workers: a run is alive while its heartbeat renews `alive_until`,
        // and says when it has finished ingesting; the last to finish exports (PostgresStore+Export).
        // And the search vector of a very large text: a tsvector holds at most 1 MB of distinct
        // words (PostgreSQL's limit, SQLSTATE 54000), so a text whose words do not fit is indexed
        // from its beginning, halved until they do (the record itself is kept whole). Texts under
        // 250,000 characters always fit (their words cannot reach 1 MB) and skip the subtransaction.
        ("v2 runs' liveness and end of ingest (one worker exports); search vectors of very large texts", [
            """
            ALTER TABLE runs ADD COLUMN alive_until timestamptz, ADD COLUMN ingested_at timestamptz
            """,
            """
            CREATE FUNCTION vanthu_vector(title text, units text, body text) RETURNS tsvector IMMUTABLE PARALLEL SAFE LANGUAGE plpgsql
            AS $$
            DECLARE
                head tsvector := setweight(to_tsvector('vanthu', vanthu_words(coalesce(title, ''))), 'A')
                    || setweight(to_tsvector('vanthu', vanthu_words(coalesce(units, ''))), 'B');
                cut integer := length(coalesce(body, ''));
            BEGIN
                IF cut < 250000 THEN
                    RETURN head || setweight(to_tsvector('vanthu', vanthu_words(coalesce(body, ''))), 'D');
                END IF;
                LOOP
                    EXIT WHEN cut = 0;
                    BEGIN
                        RETURN head || setweight(to_tsvector('vanthu', vanthu_words(left(body, cut))), 'D');
                    EXCEPTION WHEN program_limit_exceeded THEN
                        cut := cut / 2;
                    END;
                END LOOP;
                RETURN head;
            END
            $$
            """,
        ]),
    ]

    static var version: Int { migrations.count }

    /// Brings the store to `version`; returns the versions it went through (empty when it was
    /// current). Throws `.schemaTooNew` for a store a newer vanthu wrote.
    static func migrate(_ session: PGSession, location: String, announce: (String) -> Void) throws -> [Int] {
        try session.transaction {
            // One migrating worker at a time; the others wait, then find the store current.
            try session.query("SELECT pg_advisory_xact_lock(7419001)")
            try session.query("CREATE TABLE IF NOT EXISTS vanthu_schema (version integer NOT NULL)")
            let rows = try session.query("SELECT max(version) FROM vanthu_schema")
            let current = try rows.first.flatMap { try $0.value(0, as: Int?.self) } ?? 0
            if current > version { throw PostgresStoreError.schemaTooNew(location: location, found: current, known: version) }
            var done: [Int] = []
            for index in current..<version {
                announce("vanthu: migrating the PostgreSQL store \(location) to schema version \(index + 1) (\(migrations[index].name))")
                for statement in migrations[index].statements { try session.query(statement) }
                try session.query("INSERT INTO vanthu_schema (version) VALUES ($1)", [.int(Int64(index + 1))])
                done.append(index + 1)
            }
            return done
        }
    }
}
