-- IF NOT EXISTS throughout: H2 does not roll DDL back, so a first start stopped half-way runs this again over it.
-- The project's own tables, as the versions before Flyway left them (their script ran at every start). A database
-- made by one of them is baselined at this version: Flyway records it as version 2 and applies only later ones.

-- Published briefings (the Spring Batch tables hold the runs themselves).
CREATE TABLE IF NOT EXISTS briefing_run (
    job_instance_id BIGINT PRIMARY KEY,
    as_of DATE NOT NULL,
    edition VARCHAR(200) NOT NULL,
    revision BIGINT NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    run_folder VARCHAR(4000) NOT NULL,
    committed_usd NUMERIC(38, 2) NOT NULL,
    proposed_usd NUMERIC(38, 2) NOT NULL,
    -- Nightly briefings only: id, content hash, committed USD and title of every record, gzipped TSV, so that the
    -- next night can say what changed. Only the two latest are kept.
    snapshot BLOB,
    -- The briefing model as JSON (figures, risks, changes), for mail bodies and the API.
    model CLOB
);
CREATE INDEX IF NOT EXISTS briefing_run_edition ON briefing_run (edition, as_of);

-- One row per recipient and distribution (a published briefing: as-of, edition, revision). The row is written
-- before the message is sent and updated after, so a crash in between is found on the next run (UNCERTAIN) and
-- never sent twice.
CREATE TABLE IF NOT EXISTS briefing_delivery (
    distribution VARCHAR(300) NOT NULL,
    recipient_id VARCHAR(64) NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    channel VARCHAR(10) NOT NULL,
    message_id VARCHAR(300) NOT NULL,
    edition_folder VARCHAR(4000) NOT NULL,
    master_sha256 VARCHAR(64) NOT NULL,
    copy_sha256 VARCHAR(64),
    error VARCHAR(4000),
    PRIMARY KEY (distribution, recipient_id)
);

-- One row per briefing (as-of and edition), locked FOR UPDATE by the process running it for as long as it runs.
-- The database drops the lock when that process's connection dies, so, unlike a lock file, it also tells a killed
-- run from a live one when two hosts share the database.
CREATE TABLE IF NOT EXISTS briefing_run_lock (
    lock_key VARCHAR(300) PRIMARY KEY
);
