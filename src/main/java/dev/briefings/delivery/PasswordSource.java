package dev.briefings.delivery;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a recipient's PDF password comes from. Passwords never live in the recipients file: they come from the
 * environment ({@code BRIEFINGS_PDF_PASSWORD_<ID>}) or from a secrets file outside version control.
 */
public interface PasswordSource {

    /** The prefix of the environment variable that holds a recipient's password. */
    String VARIABLE_PREFIX = "BRIEFINGS_PDF_PASSWORD_";

    /**
     * The password for a recipient, as a fresh array the caller may wipe, or empty when none is configured.
     * An empty password counts as none.
     */
    Optional<char[]> passwordFor(String recipientId);

    /**
     * Passwords from the environment, then from a secrets file.
     *
     * @param environment  usually {@code System.getenv()}; {@code BRIEFINGS_PDF_PASSWORD_<ID>} (id upper-cased,
     *                     {@code -} as {@code _}) wins over the secrets file; an empty value counts as unset
     * @param secretsFile  a Java properties file of {@code <id>=<password>} lines (UTF-8), or null for none
     * @throws dev.briefings.intake.ConfigurationException when the named secrets file is missing or unreadable
     */
    static PasswordSource of(Map<String, String> environment, Path secretsFile) {
        return new EnvironmentAndFilePasswords(environment, SecretsFile.read(secretsFile), secretsFile);
    }

    /** The environment variable for a recipient id: {@code acme-fund} → {@code BRIEFINGS_PDF_PASSWORD_ACME_FUND}. */
    static String environmentVariable(String recipientId) {
        return VARIABLE_PREFIX + recipientId.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
