package dev.briefings.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults of the machine rather than of the input, told as one message that names the folder and the next step:
 * today a full disk (output or data). A run that failed this way is resumable like any other, so the step is
 * "free space, then run the same command again".
 */
final class Faults {

    /** How operating systems word a full disk or an exhausted quota (Linux and macOS, Windows). */
    private static final List<String> DISK_FULL = List.of("No space left on device", "Disk quota exceeded",
            "There is not enough space on the disk");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(/[^\\s:'\"()]+)");

    /**
     * One folder the command writes to: how to name it, the option that chose it, and where files written for it
     * lie (for a run folder given with --output, its parent: the run is written beside it and renamed into place).
     */
    record Folder(String name, String option, Path path, Path scope) {
        Folder {
            path = path.toAbsolutePath().normalize();
            scope = scope.toAbsolutePath().normalize();
        }

        Folder(String name, String option, Path path) {
            this(name, option, path, path);
        }
    }

    /** A command that writes to folders: what the exception handler asks to word a fault. */
    interface Command {
        List<Folder> faultFolders();

        boolean debug();
    }

    private Faults() {
    }

    /**
     * The message for a failure caused by a full disk (to follow "the run failed: "), or null when it was
     * something else.
     *
     * @param failures what the run failed with (the chain of each is searched)
     * @param folders  the folders the command writes to; the one holding the file that could not be written is
     *                 named, or all of them when no file is known
     */
    static String diskFull(List<Throwable> failures, List<Folder> folders) {
        return diskFull(failures, folders, null);
    }

    /** @param likely the folder to name when the failures name no file (known from where the run stopped), or null */
    static String diskFull(List<Throwable> failures, List<Folder> folders, Folder likely) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t : failures) {
            chain.addAll(chain(t));
        }
        if (chain.stream().noneMatch(Faults::saysDiskFull)) {
            return null;
        }
        Path file = fileOf(chain, folders);
        Folder folder = file == null ? null : folderOf(file, folders);
        if (folder == null && chain.stream().anyMatch(Faults::isDatabase)) {
            folder = folders.stream().filter(Faults::isDatabaseFolder).findFirst().orElse(null);
        }
        if (folder == null) {
            folder = likely;
        }
        if (folder == null) {
            StringBuilder sb = new StringBuilder("a disk is full. The folders this command writes to:");
            for (Folder f : folders) {
                sb.append(System.lineSeparator()).append("  ").append(f.name()).append(' ').append(f.path())
                        .append(free(f.path()));
            }
            return sb.append(System.lineSeparator())
                    .append("Free space on the full one, then run the same command again to resume where it stopped.")
                    .toString();
        }
        String what = file != null && !file.equals(folder.path()) ? "no space left to write " + file
                : "no space left in it" + (!isDatabaseFolder(folder) ? ""
                : chain.stream().anyMatch(Faults::isDatabase) ? " (the database)" : " (the database or the work files)");
        return "the disk holding the " + folder.name() + " " + folder.path() + " is full" + free(folder.path())
                + ": " + what + "." + System.lineSeparator()
                + "Free space on that disk (or give " + folder.option() + " a folder on another one"
                + (isDatabaseFolder(folder) ? ", which starts afresh" : "")
                + "), then run the same command again to resume where it stopped.";
    }

    private static boolean isDatabaseFolder(Folder folder) {
        return folder.option().equals("--data");
    }

    /** The causes of a failure, suppressed ones included, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty() && out.size() < 50) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            todo.addAll(List.of(t.getSuppressed()));
        }
        return out;
    }

    private static boolean saysDiskFull(Throwable t) {
        String m = t.getMessage();
        return m != null && DISK_FULL.stream().anyMatch(m::contains);
    }

    private static boolean isDatabase(Throwable t) {
        return t instanceof SQLException || t.getClass().getName().startsWith("org.h2.")
                || (t.getMessage() != null && t.getMessage().contains("JDBC"));
    }

    /**
     * The file that could not be written: from a file-system exception (for a copy, its target), else the first
     * absolute path under one of the folders that a message names (the last one a message names, for a copy).
     */
    private static Path fileOf(List<Throwable> chain, List<Folder> folders) {
        for (Throwable t : chain) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                return Path.of(fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile()).toAbsolutePath().normalize();
            }
        }
        for (Throwable t : chain) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            Path found = null;
            Matcher matcher = ABSOLUTE_PATH.matcher(m);
            while (matcher.find()) {
                Path p = pathOrNull(matcher.group(1));
                if (p != null && folderOf(p, folders) != null) {
                    found = p;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Path pathOrNull(String text) {
        try {
            return Path.of(text).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null; // not a path after all: the message is searched on
        }
    }

    /** The folder holding {@code file} (the innermost, when one folder lies inside another), or null. */
    private static Folder folderOf(Path file, List<Folder> folders) {
        Folder best = null;
        for (Folder f : folders) {
            if (file.startsWith(f.scope()) && (best == null || f.scope().startsWith(best.scope()))) {
                best = f;
            }
        }
        return best;
    }

    /** ", 12 KB free now" for the disk holding {@code path} (its nearest existing folder), or nothing. */
    private static String free(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "";
        }
        try {
            long bytes = Files.getFileStore(existing).getUsableSpace();
            return " (" + size(bytes) + " free now)";
        } catch (IOException e) {
            return ""; // the size is a courtesy; the message stands without it
        }
    }

    private static String size(long bytes) {
        if (bytes < 10 * 1024) {
            return bytes + " bytes";
        }
        if (bytes < 10L * 1024 * 1024) {
            return (bytes / 1024) + " KB";
        }
        return String.format("%,d MB", bytes / (1024 * 1024));
    }
}
