/// The schema, as an ordered list of migrations; `PRAGMA user_version` says how many ran.
///
/// A migration is never edited once released: a change is a new entry at the end.
enum Migrations {
    static let all: [String] = [schemaVersion1, schemaVersion2, schemaVersion3, schemaVersion4, schemaVersion5, schemaVersion6, schemaVersion7,
                                  schemaVersion8, schemaVersion9, schemaVersion10, schemaVersion11, schemaVersion12,
                                  schemaVersion13, schemaVersionReportCycleAndReview, schemaVersionGraph]

    /// Version 1: raw messages first (stored before anything else is done with them),
    /// cases, their messages, an append-only event log and the outbox.
    static let schemaVersion1 = """
    CREATE TABLE raw_messages (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,                 -- 'imap' or 'deliver'
        mailbox TEXT,
        uid_validity INTEGER,
        uid INTEGER,
        message_id TEXT,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB,                           -- NULL only after a retention purge
        received_at TEXT NOT NULL,            -- when it reached the mailbox (UTC ISO 8601)
        stored_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',  -- pending | processed | duplicate | quarantined
        case_id INTEGER REFERENCES cases(id),
        note TEXT,                            -- why it is a duplicate, ignored or quarantined
        imap_marked INTEGER NOT NULL DEFAULT 0,
        UNIQUE (mailbox, uid_validity, uid)
    );
    CREATE INDEX raw_messages_message_id ON raw_messages(message_id);
    CREATE INDEX raw_messages_sha256 ON raw_messages(sha256);
    CREATE INDEX raw_messages_status ON raw_messages(status);

    CREATE TABLE mailbox_state (
        mailbox TEXT PRIMARY KEY,
        uid_validity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL
    );

    CREATE TABLE reference_counters (
        year INTEGER PRIMARY KEY,
        last_number INTEGER NOT NULL
    );

    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        kind TEXT NOT NULL,
        regime TEXT NOT NULL,
        received_at TEXT NOT NULL,
        complainant_name TEXT,
        complainant_address TEXT,
        complainant_message_id TEXT,          -- the parent's first Message-ID: our replies thread on it
        location TEXT,
        handler TEXT,
        subject TEXT,
        category TEXT,
        outcome TEXT,
        flags TEXT NOT NULL DEFAULT '',       -- comma list: no-address, unknown-location, serious, ...
        acknowledgement_due TEXT,
        first_contact_due TEXT,
        solution_target_due TEXT,
        decision_due TEXT,
        gck_window_end TEXT,
        measures_due TEXT,
        closed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX cases_state ON cases(state);

    CREATE TABLE case_messages (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        direction TEXT NOT NULL,              -- in | out
        role TEXT NOT NULL,                   -- complainant | handler | quality | safeguarding | other | system
        raw_message_id INTEGER REFERENCES raw_messages(id),
        outbox_id INTEGER REFERENCES outbox(id),
        message_id TEXT,
        subject TEXT,
        text TEXT,                            -- the readable (new) text, for the case file
        verified INTEGER NOT NULL DEFAULT 1,
        at TEXT NOT NULL
    );
    CREATE INDEX case_messages_case ON case_messages(case_id);
    CREATE INDEX case_messages_message_id ON case_messages(message_id);

    CREATE TABLE form_fields (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (case_id, position)
    );

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,                  -- klachtd, an address, or cli:<user>
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        reason TEXT,
        raw_message_id INTEGER REFERENCES raw_messages(id)
    );
    CREATE INDEX events_case ON events(case_id);
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        kind TEXT NOT NULL,                   -- the template name
        message_id TEXT NOT NULL UNIQUE,      -- fixed at enqueue, so a retry is the same mail
        mail_from TEXT NOT NULL,
        recipients TEXT NOT NULL,             -- newline-separated addresses
        subject TEXT NOT NULL,
        bytes BLOB NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued', -- queued | sending | sent | failed
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
    );
    CREATE INDEX outbox_state ON outbox(state, next_attempt_at);

    CREATE TABLE scheduled_sent (
        case_id INTEGER NOT NULL,             -- 0 for mails about no case (the weekly digest)
        key TEXT NOT NULL,                    -- e.g. reminder:week-2, escalation:decision:2026-06-16
        at TEXT NOT NULL,
        PRIMARY KEY (case_id, key)
    );
    """

    /// Version 2: addresses that bounced get no automatic mail for a while.
    static let schemaVersion2 = """
    CREATE TABLE suppressed_addresses (
        address TEXT PRIMARY KEY,
        until TEXT NOT NULL,
        reason TEXT NOT NULL,
        since TEXT NOT NULL
    );
    CREATE INDEX outbox_message_id ON outbox(message_id);
    """

    /// Version 3: the measures of a judgement, each with its own concrete term (issue 6);
    /// `done_at` is for confirming them (issue 10).
    static let schemaVersion3 = """
    CREATE TABLE measures (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        due TEXT NOT NULL,                    -- YYYY-MM-DD, local date
        done_at TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX measures_case ON measures(case_id);
    """

    /// Version 4 (issue 8): what the annual report reads that survives a retention purge,
    /// the daemon's own state for `klachtd status`, and the one sanctioned change to events.
    ///
    /// Events hold no personal data except `actor` (an address) and `reason` (free text).
    /// A purge first sets `cases.purged_at`, then redacts exactly those two fields of the
    /// case's events (actor becomes '[verwijderd]' unless it is klachtd, reason NULL); the
    /// trigger refuses every other update, and every delete, as before.
    static let schemaVersion4 = """
    CREATE TABLE case_report_notes (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        annual_summary TEXT,                  -- the handler's anonymous #jaarverslag text; kept after a purge
        measures TEXT,                        -- the nature of the measures (#maatregel); kept after a purge
        dispute_outcome TEXT,                 -- the Geschillencommissie's ruling, when there was one
        updated_at TEXT NOT NULL
    );

    CREATE TABLE daemon_state (
        key TEXT PRIMARY KEY,                 -- last_cycle_at, last_poll_ok_at, last_poll_error, last_purge_at
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );

    ALTER TABLE cases ADD COLUMN purged_at TEXT;  -- set when the retention purge removed its personal data

    DROP TRIGGER events_append_only_update;
    CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        WHEN NOT (
            (SELECT purged_at FROM cases WHERE id = OLD.case_id) IS NOT NULL
            AND NEW.id = OLD.id AND NEW.case_id IS OLD.case_id AND NEW.at = OLD.at AND NEW.action = OLD.action
            AND NEW.from_state IS OLD.from_state AND NEW.to_state IS OLD.to_state
            AND NEW.raw_message_id IS OLD.raw_message_id
            AND NEW.actor IN ('[verwijderd]', OLD.actor) AND NEW.reason IS NULL)
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only; only a retention purge may redact actor and reason'); END;
    """

    /// Version 5: the per-address reply count reads an index, not the outbox's mail bytes.
    static let schemaVersion5 = """
    CREATE INDEX outbox_recipients ON outbox(recipients, created_at);
    """

    /// Version 6 (issue 10): whether the parent is satisfied with how the complaint was handled.
    ///
    /// `answer` (satisfied | not_satisfied | unclear) survives a retention purge for the
    /// reports; `text`, the parent's own words, does not.
    static let schemaVersion6 = """
    CREATE TABLE satisfaction (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        asked_at TEXT NOT NULL,               -- when the satisfaction question was queued
        reminded_at TEXT,                     -- when the one reminder was queued
        answered_at TEXT,
        answer TEXT,                          -- satisfied | not_satisfied | unclear
        text TEXT,                            -- the first lines of the parent's reply; NULL after a purge
        raw_message_id INTEGER REFERENCES raw_messages(id)
    );
    """

    /// Version 7: when a mail was claimed for sending. Several processes send from one outbox
    /// (the daemon's workers, `deliver`, `tick`, case commands); a worker starting up puts back
    /// only claims old enough that their sender must be gone, never a send in progress.
    static let schemaVersion7 = """
    ALTER TABLE outbox ADD COLUMN claimed_at TEXT;
    """

    /// Version 8 (issue 17): automatic mail to addresses klachtd never wrote to before, counted
    /// against the organisation-wide limit. `released_at` is when it went to the queue; NULL while
    /// the limit holds it (the outbox row is then in state `held`). The index serves the collecting
    /// of follow-up notices per case.
    static let schemaVersion8 = """
    CREATE TABLE first_contact_mail (
        outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id),
        address TEXT NOT NULL,
        held_at TEXT,
        released_at TEXT
    );
    CREATE INDEX first_contact_mail_released ON first_contact_mail(released_at);
    CREATE INDEX outbox_case_kind ON outbox(case_id, kind);
    """

    /// Version 9: Outlook conversation roots (issue 16): the shared part of `Thread-Index` of the messages
    /// of a case, and of the mails klachtd sent about it, so a reply without In-Reply-To finds
    /// its case. A case may have several (the parent's own conversation and ours).
    static let schemaVersion9 = """
    CREATE TABLE thread_roots (
        root TEXT PRIMARY KEY,                -- 44 hex digits
        case_id INTEGER NOT NULL REFERENCES cases(id),
        created_at TEXT NOT NULL
    );
    CREATE INDEX thread_roots_case ON thread_roots(case_id);
    """

    /// Version 10 (issue 15): a suspended case's review date, and the outside bodies for the report.
    ///
    /// The dates and the ruling are anonymous facts, kept after a purge like the other report notes.
    static let schemaVersion10 = """
    ALTER TABLE cases ADD COLUMN review_due TEXT;                      -- suspended: the handler is reminded on this day
    ALTER TABLE case_report_notes ADD COLUMN referral_date TEXT;       -- the parent went to the Klachtenloket Kinderopvang
    ALTER TABLE case_report_notes ADD COLUMN dispute_date TEXT;        -- submitted to the Geschillencommissie Kinderopvang
    ALTER TABLE case_report_notes ADD COLUMN ruling_date TEXT;         -- the Geschillencommissie's ruling
    ALTER TABLE case_report_notes ADD COLUMN dispute_origin TEXT;      -- after-procedure | direct | oudercommissie
    """

    /// Version 11 (issue 22, with issue 17's large messages): ten years of a 900-location chain,
    /// 100,000 cases. The raw bytes move to a table of their own, so recording a decision or a
    /// server mark rewrites a small row instead of the whole message, and a scan of the rows
    /// never pages through mail; the indexes let intake, the scheduler, the case views, the
    /// report and the purge read only the rows they need. Copying the bytes rewrites the file
    /// once (minutes for gigabytes).
    ///
    /// A message over `max_message_bytes` is copied into this table in pieces, never whole in
    /// memory (issue 17, 6): a `zeroblob` reserves its space and incremental blob I/O fills it.
    /// SQLite keeps a zeroblob unexpanded only in the last column of a row, so `bytes` must stay
    /// the last column here. A retention purge deletes the row, large or not.
    static let schemaVersion11 = """
    CREATE TABLE raw_message_bytes (
        raw_message_id INTEGER PRIMARY KEY REFERENCES raw_messages(id),
        bytes BLOB NOT NULL                   -- the message as fetched; keep it the LAST column (see above); deleted by a retention purge
    );
    INSERT INTO raw_message_bytes (raw_message_id, bytes) SELECT id, bytes FROM raw_messages WHERE bytes IS NOT NULL;
    ALTER TABLE raw_messages DROP COLUMN bytes;

    -- Intake: decided messages not yet marked on the server (the index empties as they are marked).
    CREATE INDEX raw_messages_unmarked ON raw_messages(mailbox, uid_validity, uid) WHERE imap_marked = 0 AND source = 'imap';
    -- The purge and the export: a case's raw messages.
    CREATE INDEX raw_messages_case ON raw_messages(case_id);
    -- A case's outbox (klachtd case, the export, the purge, the scheduler's facts): outbox_case_kind, version 8.
    -- The report's year and the scheduler's recent arrivals.
    CREATE INDEX cases_received ON cases(received_at);
    -- The purge's candidates: closed and not yet purged.
    CREATE INDEX cases_purge_due ON cases(closed_at) WHERE purged_at IS NULL;
    -- A case's state changes (report facts: judged, referred, meldcode).
    CREATE INDEX events_case_state ON events(case_id, to_state, at);
    -- Disputes referred in a year, whatever year the complaint came in.
    CREATE INDEX events_referred ON events(at) WHERE to_state = 'referred_geschillencommissie';
    """

    /// Version 12 (issue 16): the language the parent wrote in, when it is not the location's
    /// (an English-speaking parent gets the English letters); NULL follows the location.
    static let schemaVersion12 = """
    ALTER TABLE cases ADD COLUMN language TEXT;
    """

    /// Version 13: the mails that went (or wait to go) to an address, without the letters held
    /// back: what the per-address reply limit and "mailed before" read. Held letters pile up in
    /// a flood and must not be stepped through for every new message.
    static let schemaVersion13 = """
    CREATE INDEX outbox_recipients_unheld ON outbox(recipients, created_at) WHERE state != 'held';
    """

    /// Issue 20 (c-cycle): the annual report's round per report year (the GGD and oudercommissie
    /// dates the report shows and the reminders stop on), and judgements held for a second
    /// reader (`[procedure] review_judgements`): the letter's content until `#akkoord` sends it.
    static let schemaVersionReportCycleAndReview = """
    CREATE TABLE report_cycles (
        year INTEGER PRIMARY KEY,              -- the year the report is about
        sent_to_ggd TEXT,                      -- YYYY-MM-DD: the report went to the GGD
        oudercommissie TEXT,                   -- YYYY-MM-DD: the oudercommissie discussed it
        updated_at TEXT NOT NULL,
        updated_by TEXT
    );
    CREATE TABLE judgement_reviews (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        judgement TEXT,                        -- JSON: outcome, reasons, measures; NULL after a retention purge
        actor TEXT NOT NULL,                   -- who gave the #oordeel
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending', -- pending, approved, returned, replaced, not-sent
        decided_by TEXT,
        decided_at TEXT,
        remark TEXT                            -- #terug's text for the handler
    );
    CREATE INDEX judgement_reviews_case ON judgement_reviews(case_id, state);
    """

    /// Issue 21 (Microsoft Graph): a message read through Graph is keyed by its immutable id
    /// (the role UIDVALIDITY + UID play for IMAP), unique per mailbox key so a full resync after
    /// an expired delta link stores nothing twice; the delta link itself is kept per mailbox key.
    static let schemaVersionGraph = """
    ALTER TABLE raw_messages ADD COLUMN graph_id TEXT;
    CREATE UNIQUE INDEX raw_messages_graph_id ON raw_messages(mailbox, graph_id) WHERE graph_id IS NOT NULL;
    CREATE INDEX raw_messages_graph_unmarked ON raw_messages(mailbox, id) WHERE imap_marked = 0 AND source = 'graph';
    CREATE TABLE graph_state (
        mailbox TEXT PRIMARY KEY,             -- graph:ADDRESS/FOLDER
        delta_link TEXT NOT NULL,             -- the last @odata.deltaLink (holds a delta token: never logged)
        updated_at TEXT NOT NULL
    );
    """
}
