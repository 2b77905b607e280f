package dev.briefings.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.publish.FileDigest;
import dev.briefings.publish.Manifest;

/**
 * One distribution of a published briefing: which briefing (as-of, edition, revision), to whom, through which
 * channel, and for each recipient's interests the edition folder its copy is made from.
 *
 * @param key          names the distribution in the delivery log, e.g. "2025-10-31/nightly/r1"
 * @param runFolder    the master briefing's folder; outbox, copies and deliveries.json go here
 * @param editionOf    interests to the folder of the edition made for them (the master for no interests)
 * @param models       edition folder to its briefing model (for the mail text)
 */
public record Distribution(String key, Path runFolder, LocalDate asOf, String edition, List<Recipient> recipients,
                           List<RecipientProblem> rejected, Map<Interests, Path> editionOf,
                           Map<Path, BriefingModel> models, boolean smtp, Map<Path, String> masterDigests) {

    public static String keyOf(Manifest manifest) {
        return manifest.asOf() + "/" + manifest.edition() + "/r" + manifest.revision();
    }

    public static Manifest manifestOf(Path runFolder) {
        Path file = runFolder.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(runFolder + " is not a briefing folder: it has no " + Manifest.FILE_NAME);
        }
        return Manifest.read(file);
    }

    public Path outbox() {
        return runFolder.resolve("outbox");
    }

    public Path copies() {
        return runFolder.resolve("copies");
    }

    public String channel() {
        return smtp ? "smtp" : "outbox";
    }

    /** The SHA-256 of an edition's briefing.pdf, computed once per edition. */
    public String masterDigest(Path editionFolder) {
        return masterDigests.computeIfAbsent(editionFolder, folder -> {
            try {
                return FileDigest.of(folder.resolve("briefing.pdf"), "briefing.pdf", "briefing").sha256();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder.resolve("briefing.pdf"), e);
            }
        });
    }

    static Map<Path, String> digestCache() {
        return new ConcurrentHashMap<>();
    }
}
