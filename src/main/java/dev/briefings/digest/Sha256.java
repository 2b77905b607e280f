package dev.briefings.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests: the JDK's, or OpenSSL's where that is much faster (see {@link OpenSslSha256}). */
public final class Sha256 {

    /**
     * From this many bytes to digest, OpenSSL's digest is used when available. Binding it takes 65-80 ms of CPU once
     * per JVM; with the C1 compiler the JDK's digest costs about 12 ms per MB of records (the file, each staged
     * record, the workbook), so below some 8 MB binding gains nothing: measured at 10,000 records (6.6 MB), 3.27 s
     * with OpenSSL's digest against 3.19 s without, alternately. At 100,000 records (68 MB): 6.22 s against 6.78 s.
     */
    static final long OPENSSL_FROM_BYTES = 16L << 20;

    private Sha256() {
    }

    /** A new SHA-256 digest, for about {@code bytes} bytes in all (over all its uses). */
    public static MessageDigest of(long bytes) {
        if (bytes >= OPENSSL_FROM_BYTES) {
            var binding = OpenSslSha256.binding();
            if (binding.isPresent()) {
                return new OpenSslSha256(binding.get());
            }
        }
        return jdk();
    }

    /**
     * When about {@code bytes} bytes will be digested, binds OpenSSL's digest on a thread of its own now (tens of
     * milliseconds, once per JVM), so that the first {@link #of} does not do it on a busy thread; returns at once.
     */
    public static void prepareFor(long bytes) {
        if (bytes >= OPENSSL_FROM_BYTES) {
            Thread t = new Thread(OpenSslSha256::binding, "digest-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The JDK's SHA-256. */
    public static MessageDigest jdk() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
