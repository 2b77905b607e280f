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
    snapshot BLOB
);
CREATE INDEX IF NOT EXISTS briefing_run_edition ON briefing_run (edition, as_of);
