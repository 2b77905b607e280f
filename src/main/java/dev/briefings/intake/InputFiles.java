package dev.briefings.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.briefings.briefing.PlainText;

/**
 * The layout of an input folder, and which of its files may be read. Links are followed only when they stay in
 * the folder the user gave (the input folder, the templates folder): a link that leads out of it is refused
 * before anything is read from it, so no file elsewhere on the machine can be read, digested or echoed through
 * an input folder. A record file whose name has a control character or is not UTF-8 is refused too: it could
 * not be named in a message, a manifest or a restart's file list.
 */
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

    /** About how many bytes of records the record folder {@code dir} holds (a hint, as below; 0 if it cannot be listed). */
    public static long recordBytes(Path dir) {
        try {
            return recordBytes(dir, initiativeFiles(dir));
        } catch (IOException | ConfigurationException e) {
            return 0; // only a hint: the ingest step reports this, with the file's name
        }
    }

    /**
     * About how many bytes the record files {@code names} in {@code dir} hold: a hint (for how to digest them), so a
     * file that cannot be measured counts 0 here; its reader reports what is wrong with it, by name.
     */
    public static long recordBytes(Path dir, List<String> names) {
        long bytes = 0;
        for (String name : names) {
            try {
                bytes += Files.size(dir.resolve(name));
            } catch (IOException e) {
                // see above: only a hint
            }
        }
        return bytes;
    }

    /**
     * The record files ({@code *.json}, {@code *.jsonl}) directly in {@code dir} (an input folder's
     * {@code initiatives}), by name.
     *
     * @throws ConfigurationException naming every record file that is refused and why: a link leading out of the
     *                                input folder (or to nothing), a name with a control character or not in UTF-8
     */
    public static List<String> initiativeFiles(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize().getParent();
        Path realRoot = realFolder(root);
        inside(realRoot, root, dir, "initiatives");
        List<String> names = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") && !name.endsWith(".jsonl")) {
                    continue;
                }
                String shown = "initiatives/" + PlainText.visible(name);
                String problem = PlainText.lineProblem(name);
                if (!Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    // The name as decoded leads nowhere: its bytes are not in the file-name encoding (UTF-8).
                    if (name.indexOf(PlainText.REPLACEMENT) >= 0) {
                        refused.add(shown + ": its name is not valid UTF-8; rename it");
                    }
                } else if (problem != null) {
                    refused.add(shown + ": its name " + problem + "; rename it");
                } else if (Files.isSymbolicLink(p)) {
                    String link = linkProblem(realRoot, p);
                    if (link != null) {
                        refused.add(shown + ": " + link);
                    } else if (Files.isRegularFile(p)) {
                        names.add(name);
                    }
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(name);
                }
            }
        }
        if (!refused.isEmpty()) {
            refused.sort(null);
            throw new ConfigurationException("record files refused in " + dir + ": " + String.join("; ", refused));
        }
        names.sort(null);
        return names;
    }

    /**
     * {@code file}, when it is in {@code root} once links are followed (or does not exist: the caller says it is
     * missing).
     *
     * @param shown how to name the file in a message, e.g. {@code fx-rates.json}
     * @throws ConfigurationException when a link takes it out of {@code root}
     */
    public static Path inside(Path root, Path file, String shown) {
        inside(realFolder(root), root, file, shown);
        return file;
    }

    /**
     * Checks {@code dir} (e.g. one template's folder) and everything in it as {@link #inside} does.
     *
     * @param shown how to name {@code dir} in a message, e.g. {@code template 'default'}
     */
    public static void treeInside(Path root, Path dir, String shown) {
        Path realRoot = realFolder(root);
        inside(realRoot, root, dir, shown);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p)) {
                    inside(realRoot, root, p, shown + ": " + dir.relativize(p));
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void inside(Path realRoot, Path root, Path file, String shown) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String problem = linkProblem(realRoot, file);
        if (problem != null) {
            throw new ConfigurationException(PlainText.visible(shown) + " in " + root + ": " + problem);
        }
    }

    /** Why {@code file} may not be read from the folder whose real path is {@code realRoot}, or null. */
    private static String linkProblem(Path realRoot, Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return "it is a link to a file that does not exist; remove the link or copy the file into the folder";
        }
        if (!real.startsWith(realRoot)) {
            return "it is a link to a file outside the folder, and links are followed only within it; "
                    + "copy the file into the folder instead";
        }
        return null;
    }

    private static Path realFolder(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize(); // missing: the caller reports it; nothing below it exists
        }
    }
}
