package dev.briefings.intake;

/**
 * A problem the user must fix before a run can start (a missing or unreadable input folder, fx-rates.json,
 * template, or rules file). The message names the file and says what to fix; the command line exits with 2.
 */
public class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
