package dev.briefings.database;

/**
 * The database cannot be used as it is: damaged or empty, refusing its passwords, or its folder cannot be made
 * private. Running again cannot help; the message names the file and says what to do. The command line prints it
 * alone and exits with 2.
 */
public class DatabaseFault extends RuntimeException {

    public DatabaseFault(String message) {
        super(message);
    }

    public DatabaseFault(String message, Throwable cause) {
        super(message, cause);
    }

    /** The fault in {@code failure}'s chain of causes (Spring wraps it in bean creation errors), or null. */
    public static DatabaseFault in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseFault fault) {
                return fault;
            }
        }
        return null;
    }
}
