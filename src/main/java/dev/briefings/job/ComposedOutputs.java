package dev.briefings.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.briefings.briefing.BriefingModel;

/**
 * What the compose step has just written, handed to the publish step in memory: the model (reading its file back
 * was most of a small run's publish step) and the SHA-256 of the workbook (taken while the PDF was still being
 * rendered, rather than in the publish step). Each is taken only while its file is the one the compose step wrote
 * (the same size and time); after a restart, or if the file changed, the publish step reads the file.
 */
final class ComposedOutputs {

    private record Written<T>(long size, FileTime modified, T value) {
    }

    private final Map<Path, Written<BriefingModel>> models = new ConcurrentHashMap<>();
    private final Map<Path, Written<String>> digests = new ConcurrentHashMap<>();

    /** Notes the model just written to {@code file}. */
    void putModel(Path file, BriefingModel model) throws IOException {
        put(models, file, model);
    }

    /** The model written to {@code file}, if it is still what that file holds; forgets it either way. */
    Optional<BriefingModel> takeModel(Path file) throws IOException {
        return take(models, file);
    }

    /** Notes the SHA-256 (hex) of what was just written to {@code file}. */
    void putDigest(Path file, String sha256) throws IOException {
        put(digests, file, sha256);
    }

    /** The SHA-256 noted for {@code file}, if the file is still what was written; forgets it either way. */
    Optional<String> takeDigest(Path file) throws IOException {
        return take(digests, file);
    }

    private static <T> void put(Map<Path, Written<T>> map, Path file, T value) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        map.put(file.toAbsolutePath().normalize(), new Written<>(a.size(), a.lastModifiedTime(), value));
    }

    private static <T> Optional<T> take(Map<Path, Written<T>> map, Path file) throws IOException {
        Written<T> w = map.remove(file.toAbsolutePath().normalize());
        if (w == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() == w.size() && a.lastModifiedTime().equals(w.modified()) ? Optional.of(w.value()) : Optional.empty();
    }
}
