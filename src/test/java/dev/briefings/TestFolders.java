package dev.briefings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Folders the tests copy and write into. */
public final class TestFolders {

    /** The hand-made input whose figures and rejects the end-to-end tests work out by hand. */
    public static final Path E2E_INPUT = Path.of("src/test/resources/e2e/input");

    private TestFolders() {
    }

    /** Copies the tree under {@code source} to {@code target} (created as needed) and answers {@code target}. */
    public static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
