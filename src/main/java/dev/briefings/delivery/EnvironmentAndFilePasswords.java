package dev.briefings.delivery;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Environment first, then the secrets file. Holds passwords, so {@link #toString()} shows none of them. */
final class EnvironmentAndFilePasswords implements PasswordSource {

    private final Map<String, String> environment;
    private final Map<String, String> secrets;
    private final Path secretsFile;

    EnvironmentAndFilePasswords(Map<String, String> environment, Map<String, String> secrets, Path secretsFile) {
        // Copies only this tool's variables: nothing else of the environment is kept.
        this.environment = environment.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().startsWith(VARIABLE_PREFIX) && e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.secrets = secrets;
        this.secretsFile = secretsFile;
    }

    @Override
    public Optional<char[]> passwordFor(String recipientId) {
        String fromEnvironment = environment.get(PasswordSource.environmentVariable(recipientId));
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment.toCharArray());
        }
        String fromFile = secrets.get(recipientId);
        if (fromFile != null && !fromFile.isEmpty()) {
            return Optional.of(fromFile.toCharArray());
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PasswordSource[environment: " + environment.size() + " variable(s), secrets file: "
                + (secretsFile == null ? "none" : secretsFile + " (" + secrets.size() + " entr" + (secrets.size() == 1 ? "y" : "ies") + ")")
                + "]";
    }
}
