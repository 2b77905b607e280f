package dev.briefings.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Published briefings, kept in the database: which folder each went to, its totals, and for nightly briefings
 * the snapshot of their records that the next night compares with.
 */
@Repository
public class RunHistory {

    private final JdbcTemplate jdbc;

    RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest nightly briefing of an earlier as-of date: never one of the same date, so that a forced rerun or
     * an ad hoc edition compares with the same briefing whatever else ran that day (and reruns byte for byte).
     */
    public Optional<ChangeTracker.PreviousBriefing> previousNightly(long currentInstanceId, LocalDate asOf) {
        List<ChangeTracker.PreviousBriefing> rows = jdbc.query("""
                        SELECT job_instance_id, as_of, committed_usd FROM briefing_run
                        WHERE edition = 'nightly' AND job_instance_id <> ? AND as_of < ? AND snapshot IS NOT NULL
                        ORDER BY as_of DESC, published_at DESC, job_instance_id DESC FETCH FIRST 1 ROWS ONLY""",
                (rs, i) -> new ChangeTracker.PreviousBriefing(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3)),
                currentInstanceId, asOf);
        return rows.stream().findFirst();
    }

    /**
     * @param snapshot  the gzipped snapshot file of a nightly briefing, or null
     * @param modelJson the briefing model as JSON
     */
    public void published(long jobInstanceId, LocalDate asOf, String edition, long revision, Path runFolder,
                          BigDecimal committedUsd, BigDecimal proposedUsd, Path snapshot, String modelJson)
            throws IOException {
        jdbc.update("DELETE FROM briefing_run WHERE job_instance_id = ?", jobInstanceId);
        long snapshotBytes = snapshot == null ? 0 : Files.size(snapshot);
        try (InputStream in = snapshot == null ? null : Files.newInputStream(snapshot)) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("""
                        INSERT INTO briefing_run (job_instance_id, as_of, edition, revision, published_at, run_folder,
                                                  committed_usd, proposed_usd, snapshot, model)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                ps.setLong(1, jobInstanceId);
                ps.setObject(2, asOf);
                ps.setString(3, edition);
                ps.setLong(4, revision);
                ps.setObject(5, OffsetDateTime.now());
                ps.setString(6, runFolder.toString());
                ps.setBigDecimal(7, committedUsd);
                ps.setBigDecimal(8, proposedUsd);
                if (in == null) {
                    ps.setNull(9, Types.BLOB);
                } else {
                    ps.setBinaryStream(9, in, snapshotBytes);
                }
                ps.setString(10, modelJson);
                return ps;
            });
        }
    }

    /** Streams the snapshot of a published nightly briefing to {@code reader} (uncompressed lines). */
    public void readSnapshot(long jobInstanceId, SnapshotReader reader) {
        jdbc.query("SELECT snapshot FROM briefing_run WHERE job_instance_id = ? AND snapshot IS NOT NULL", rs -> {
            try (InputStream in = new GZIPInputStream(rs.getBinaryStream(1))) {
                reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the snapshot of briefing instance " + jobInstanceId, e);
            }
        }, jobInstanceId);
    }

    @FunctionalInterface
    public interface SnapshotReader {
        void read(InputStream gunzipped) throws IOException;
    }

    /** Snapshots older than the two latest nightly briefings are no longer compared with: free their space. */
    public void pruneSnapshots() {
        jdbc.update("""
                UPDATE briefing_run SET snapshot = NULL WHERE snapshot IS NOT NULL AND job_instance_id NOT IN (
                  SELECT job_instance_id FROM briefing_run WHERE snapshot IS NOT NULL
                  ORDER BY as_of DESC, published_at DESC FETCH FIRST 2 ROWS ONLY)""");
    }

    /** A published briefing as the history records it. */
    public record Published(long jobInstanceId, LocalDate asOf, String edition, long revision, Path runFolder) {
    }

    /** Every published briefing. */
    public List<Published> published() {
        return jdbc.query("SELECT job_instance_id, as_of, edition, revision, run_folder FROM briefing_run",
                (rs, i) -> new Published(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getLong(4), Path.of(rs.getString(5))));
    }

    /** Removes a briefing from the history (its run folder is the caller's). */
    public void forget(long jobInstanceId) {
        jdbc.update("DELETE FROM briefing_run WHERE job_instance_id = ?", jobInstanceId);
    }

    /** The model of the briefing last published into {@code runFolder}, as JSON. */
    public Optional<String> modelJson(Path runFolder) {
        return jdbc.queryForList("""
                SELECT model FROM briefing_run WHERE run_folder = ? AND model IS NOT NULL
                ORDER BY published_at DESC FETCH FIRST 1 ROWS ONLY""", String.class,
                runFolder.toAbsolutePath().normalize().toString()).stream().findFirst();
    }
}
