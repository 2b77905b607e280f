package dev.briefings.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts failed sign-ins per account name and per client address, and says how long a further attempt must wait:
 * nothing until the limit is reached, then {@code block} after the last failure, doubling with each failure after
 * that up to {@code maxBlock}. A success clears the account (not the address: an attacker with one good account
 * must not be able to clear the address he guesses others' passwords from). Failures are forgotten
 * {@code forgetAfter} after the last one, so nobody is locked out for good.
 * <p>
 * Memory is bounded: each of the two tables keeps at most {@code tracked} entries and drops the one whose last
 * failure is oldest. Account names are compared case-insensitively (as the user store does) and long ones are
 * kept as a digest; IPv6 addresses count per /64 network, which one client usually holds whole.
 */
final class SignInThrottle {

    private static final int LONGEST_NAME_KEPT = 64;
    private static final int IPV6_NETWORK_BYTES = 8;

    private final WebProperties.SignIn limits;
    private final Clock clock;
    private final Failures accounts;
    private final Failures addresses;

    SignInThrottle(WebProperties.SignIn limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.accounts = new Failures(Math.max(1, limits.tracked()));
        this.addresses = new Failures(Math.max(1, limits.tracked()));
    }

    /** How long a sign-in to this account from this address must still wait; zero when it may go ahead. */
    synchronized Duration waitFor(String account, String address) {
        Instant now = clock.instant();
        Duration a = wait(accounts, accountKey(account), limits.accountFailures(), now);
        Duration b = wait(addresses, addressKey(address), limits.addressFailures(), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        accounts.add(accountKey(account), now, limits.forgetAfter());
        addresses.add(addressKey(address), now, limits.forgetAfter());
    }

    synchronized void succeeded(String account) {
        accounts.remove(accountKey(account));
    }

    /** Entries held, for tests of the memory bound. */
    synchronized int tracked() {
        return accounts.size() + addresses.size();
    }

    private Duration wait(Failures table, String key, int allowed, Instant now) {
        Failure f = table.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        if (!now.isBefore(f.last().plus(limits.forgetAfter()))) {
            table.remove(key);
            return Duration.ZERO;
        }
        if (f.count() < Math.max(1, allowed)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(block(f.count() - Math.max(1, allowed))));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The wait after the allowed failures plus {@code beyond} more: doubling, capped. */
    private Duration block(int beyond) {
        Duration block = limits.block();
        for (int i = 0; i < beyond && block.compareTo(limits.maxBlock()) < 0; i++) {
            block = block.multipliedBy(2);
        }
        return block.compareTo(limits.maxBlock()) > 0 ? limits.maxBlock() : block;
    }

    static String accountKey(String account) {
        String name = account == null ? "" : account.toLowerCase(Locale.ROOT);
        return name.length() <= LONGEST_NAME_KEPT ? name : "#" + sha256(name);
    }

    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address.length() <= LONGEST_NAME_KEPT ? address : "#" + sha256(address);
        }
        // Only IPv6 literals reach here (they hold a colon), so no name is ever looked up.
        int scope = address.indexOf('%');
        try {
            InetAddress ip = InetAddress.getByName(scope < 0 ? address : address.substring(0, scope));
            if (ip instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(ip.getAddress(), IPV6_NETWORK_BYTES)) + "::/64";
            }
            return ip.getHostAddress();
        } catch (UnknownHostException e) {
            return "#" + sha256(address); // not a literal after all: counted as it came
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private record Failure(int count, Instant last) {
    }

    /** Failures by key, least recently failed first; never more than {@code capacity}. */
    private static final class Failures {
        private final int capacity;
        private final Map<String, Failure> byKey = new LinkedHashMap<>();

        Failures(int capacity) {
            this.capacity = capacity;
        }

        Failure get(String key) {
            return byKey.get(key);
        }

        void remove(String key) {
            byKey.remove(key);
        }

        int size() {
            return byKey.size();
        }

        void add(String key, Instant now, Duration forgetAfter) {
            Failure old = byKey.remove(key);
            boolean forgotten = old == null || !now.isBefore(old.last().plus(forgetAfter));
            byKey.put(key, new Failure(forgotten ? 1 : old.count() + 1, now));
            Iterator<String> eldest = byKey.keySet().iterator();
            while (byKey.size() > capacity) {
                eldest.next();
                eldest.remove();
            }
        }
    }
}
