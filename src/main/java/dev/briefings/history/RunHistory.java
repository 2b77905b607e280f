package dev.briefings.history;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Published briefings, kept in the database: which folder each went to, its committed total, and for nightly
 * briefings the snapshot the next night compares with.
 */
@Repository
public class RunHistory {

    private final JdbcTemplate jdbc;

    RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ChangeTracker.PreviousBriefing> previousNightly(long currentInstanceId, LocalDate asOf) {
        List<ChangeTracker.PreviousBriefing> rows = jdbc.query("""
                        SELECT job_instance_id, as_of, committed_usd, snapshot_file FROM briefing_run
                        WHERE edition = 'nightly' AND job_instance_id <> ? AND as_of <= ? AND snapshot_file IS NOT NULL
                        ORDER BY as_of DESC, published_at DESC, job_instance_id DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, i) -> new ChangeTracker.PreviousBriefing(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), Path.of(rs.getString(4))),
                currentInstanceId, asOf);
        return rows.stream().findFirst();
    }

    public void published(long jobInstanceId, LocalDate asOf, String edition, long revision, Path runFolder,
                          BigDecimal committedUsd, BigDecimal proposedUsd, Path snapshot) {
        jdbc.update("DELETE FROM briefing_run WHERE job_instance_id = ?", jobInstanceId);
        jdbc.update("""
                        INSERT INTO briefing_run (job_instance_id, as_of, edition, revision, published_at, run_folder,
                                                  committed_usd, proposed_usd, snapshot_file)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                jobInstanceId, asOf, edition, revision, OffsetDateTime.now(), runFolder.toString(), committedUsd,
                proposedUsd, snapshot == null ? null : snapshot.toString());
    }

    /** Snapshots older than the two latest nightly briefings are no longer compared with: free their files. */
    public void pruneSnapshots() {
        List<String> stale = jdbc.queryForList("""
                SELECT snapshot_file FROM briefing_run WHERE snapshot_file IS NOT NULL AND job_instance_id NOT IN (
                  SELECT job_instance_id FROM briefing_run WHERE snapshot_file IS NOT NULL
                  ORDER BY as_of DESC, published_at DESC FETCH FIRST 2 ROWS ONLY)""", String.class);
        for (String file : stale) {
            try {
                Files.deleteIfExists(Path.of(file));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot delete the old snapshot " + file, e);
            }
        }
        jdbc.update("""
                UPDATE briefing_run SET snapshot_file = NULL WHERE snapshot_file IS NOT NULL AND job_instance_id NOT IN (
                  SELECT job_instance_id FROM briefing_run WHERE snapshot_file IS NOT NULL
                  ORDER BY as_of DESC, published_at DESC FETCH FIRST 2 ROWS ONLY)""");
    }

    public Optional<Path> runFolder(long jobInstanceId) {
        return jdbc.queryForList("SELECT run_folder FROM briefing_run WHERE job_instance_id = ?", String.class, jobInstanceId)
                .stream().findFirst().map(Path::of);
    }

}
