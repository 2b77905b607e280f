package dev.briefings.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The layout of an input folder. */
public final class InputFiles {

    private InputFiles() {
    }

    public static Path initiativesDir(Path input) {
        return input.resolve("initiatives");
    }

    public static Path fxRates(Path input) {
        return input.resolve("fx-rates.json");
    }

    public static Path marketContext(Path input) {
        return input.resolve("market-context.json");
    }

    /** The record files ({@code *.json}, {@code *.jsonl}) directly in {@code dir}, by name. */
    public static List<String> initiativeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") || n.endsWith(".jsonl")).sorted().toList();
        }
    }
}
