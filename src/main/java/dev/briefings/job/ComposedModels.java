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
 * The models the compose step has just written, handed to the publish step in memory: reading the file back was
 * most of a small run's publish step. A model is taken only while its file is the one the compose step wrote (the
 * same size and time); after a restart, or if the file changed, the publish step reads the file.
 */
final class ComposedModels {

    private record Written(long size, FileTime modified, BriefingModel model) {
    }

    private final Map<Path, Written> written = new ConcurrentHashMap<>();

    /** Notes the model just written to {@code file}. */
    void put(Path file, BriefingModel model) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        written.put(file.toAbsolutePath().normalize(), new Written(a.size(), a.lastModifiedTime(), model));
    }

    /** The model written to {@code file}, if it is still what that file holds; forgets it either way. */
    Optional<BriefingModel> take(Path file) throws IOException {
        Written w = written.remove(file.toAbsolutePath().normalize());
        if (w == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return a.size() == w.size() && a.lastModifiedTime().equals(w.modified()) ? Optional.of(w.model()) : Optional.empty();
    }
}
