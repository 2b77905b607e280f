-- Nothing to do on a database made by V1 and V2. One baselined from a version older than the last before Flyway
-- may lack what that version's script added at every start: added here, where missing.
ALTER TABLE briefing_run ADD COLUMN IF NOT EXISTS snapshot BLOB;
ALTER TABLE briefing_run ADD COLUMN IF NOT EXISTS model CLOB;
CREATE TABLE IF NOT EXISTS briefing_run_lock (
    lock_key VARCHAR(300) PRIMARY KEY
);
