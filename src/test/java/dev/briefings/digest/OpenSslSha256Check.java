package dev.briefings.digest;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * Run by {@link OpenSslSha256Test} in a Java 22+ JVM (the tests' own JVM may be Java 17, where OpenSSL's digest is
 * not bound): OpenSSL's SHA-256 must give the JDK's digest for every way the project feeds it. Exits 0 when it
 * does, 3 when OpenSSL's digest could not be bound, 1 on the first difference (printed).
 */
public final class OpenSslSha256Check {

    private OpenSslSha256Check() {
    }

    public static void main(String[] args) throws Exception {
        var binding = OpenSslSha256.binding();
        if (binding.isEmpty()) {
            System.out.println("OpenSSL's SHA-256 could not be bound");
            System.exit(3);
        }
        Random random = new Random(7);
        byte[] data = new byte[3 << 20];
        random.nextBytes(data);
        MessageDigest jdk = Sha256.jdk();
        MessageDigest openssl = new OpenSslSha256(binding.get());
        // Every length around SHA-256's 64-byte block, from offsets that are not 0, in one update each.
        for (int len = 0; len <= 300; len++) {
            int offset = 1 + len % 13;
            jdk.update(data, offset, len);
            openssl.update(data, offset, len);
            same("length " + len + " at offset " + offset, jdk.digest(), openssl.digest());
        }
        // A large input in uneven pieces, as a stream reads it; then byte by byte.
        for (int at = 0; at < data.length; ) {
            int piece = Math.min(data.length - at, 1 + random.nextInt(70_000));
            jdk.update(data, at, piece);
            openssl.update(data, at, piece);
            at += piece;
        }
        same("3 MB in pieces", jdk.digest(), openssl.digest());
        for (int i = 0; i < 1000; i++) {
            jdk.update(data[i]);
            openssl.update(data[i]);
        }
        same("1,000 single bytes", jdk.digest(), openssl.digest());
        // A clone goes on from the same state; the original is unchanged by it.
        openssl.update(data, 0, 100);
        MessageDigest copy = (MessageDigest) openssl.clone();
        copy.update(data, 100, 50);
        jdk.update(data, 0, 150);
        same("a clone", jdk.digest(), copy.digest());
        jdk.update(data, 0, 100);
        same("the clone's original", jdk.digest(), openssl.digest());
        // reset() forgets what was fed.
        openssl.update(data, 0, 10);
        openssl.reset();
        same("after reset", jdk.digest(), openssl.digest());
        // What Sha256.of hands out for a large input is OpenSSL's.
        if (!(Sha256.of(64L << 20) instanceof OpenSslSha256)) {
            System.out.println("Sha256.of(64 MB) did not use OpenSSL's digest");
            System.exit(1);
        }
        System.out.println("OpenSSL's SHA-256 agrees with the JDK's");
    }

    private static void same(String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            System.out.println(what + ": the JDK gives " + HexFormat.of().formatHex(expected) + ", OpenSSL "
                    + HexFormat.of().formatHex(actual));
            System.exit(1);
        }
    }
}
