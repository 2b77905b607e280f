package dev.briefings.database;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of an embedded H2 database, named after its path in the JDBC URL ({@code jdbc:h2:file:PATH;...}),
 * and the passwords file the application keeps beside them.
 *
 * @param base the database path without H2's suffixes, absolute
 */
record H2Files(Path base) {

    /** The files of the embedded database the URL names; empty for in-memory and server ({@code tcp:}) URLs. */
    static Optional<H2Files> of(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip: and the like (a one-letter prefix is a Windows drive)
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(new H2Files(Path.of(name).toAbsolutePath().normalize()));
    }

    Path folder() {
        return base.getParent();
    }

    Path data() {
        return sibling(".mv.db");
    }

    /** While the database is open: the holder's auto-server address and key. */
    Path lock() {
        return sibling(".lock.db");
    }

    Path trace() {
        return sibling(".trace.db");
    }

    /** The passwords made for this database at its first start (see {@link Passwords}). */
    Path passwords() {
        return sibling(".passwords");
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
