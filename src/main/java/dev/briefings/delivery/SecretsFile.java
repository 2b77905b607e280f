package dev.briefings.delivery;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import dev.briefings.intake.ConfigurationException;

/** Reads the secrets file: a Java properties file of {@code <recipient id>=<password>}. */
final class SecretsFile {

    private SecretsFile() {
    }

    /** The file's entries (an empty map for no file). Messages name the file, never a line of it. */
    static Map<String, String> read(Path file) {
        if (file == null) {
            return Map.of();
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("Secrets file " + file + " not found: create it or do not name it", e);
        } catch (IOException e) {
            // The cause's message is about the file (access, encoding), not its content.
            throw new ConfigurationException("Cannot read the secrets file " + file + ": " + e.getClass().getSimpleName(), e);
        } catch (IllegalArgumentException e) {
            // A malformed \\uXXXX escape; the message quotes no content, but the cause is kept off the message anyway.
            throw new ConfigurationException("Secrets file " + file + " is not a valid properties file: "
                    + "a backslash must be written as \\\\ (malformed \\u escape)");
        }
        var entries = new HashMap<String, String>();
        properties.stringPropertyNames().forEach(id -> entries.put(id.trim(), properties.getProperty(id)));
        return Map.copyOf(entries);
    }
}
