package dev.briefings.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

import dev.briefings.intake.ConfigurationException;

/**
 * Refuses to serve beyond this machine while the sample users (whose passwords are printed in the README) can
 * still sign in. Runs when the environment is ready, before any bean is made or any port is bound.
 */
public final class SampleCredentials implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The bcrypt hashes of the README's sample passwords, as shipped in application.properties. */
    static final Set<String> SAMPLE_HASHES = Set.of(
            "$2a$10$k83XazzaNnsV4hKA7D8KaevPslvHHpydfHIO1jp/G4vmA6kb9RZFa",
            "$2a$10$bsQglg6Pg/4NybPi4ViNyue8QB2185Utr2af5V8cZiV/SSbUlKWle");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Binder binder = Binder.get(event.getEnvironment());
        String address = binder.bind("server.address", String.class).orElse(null);
        List<WebProperties.User> users = binder.bind("briefings.web.users", Bindable.listOf(WebProperties.User.class))
                .orElse(List.of());
        check(address, users.stream().map(WebProperties.User::passwordHash).toList());
    }

    /**
     * @param address the address the server binds to (null: every interface)
     * @throws ConfigurationException when it is not a loopback address and a sample password still works
     */
    public static void check(String address, Collection<String> passwordHashes) {
        if (isLoopback(address) || passwordHashes.stream().noneMatch(SAMPLE_HASHES::contains)) {
            return;
        }
        throw new ConfigurationException("refusing to serve on " + (address == null ? "every address" : address)
                + " while the sample users (passwords in the README) are configured: set briefings.web.users[N]"
                + ".password-hash to your own bcrypt hashes, or serve on 127.0.0.1 only");
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address or a name: only names that resolve, all to loopback, count.
            InetAddress[] all = InetAddress.getAllByName(address.trim());
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
