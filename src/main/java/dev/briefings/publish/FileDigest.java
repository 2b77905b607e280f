package dev.briefings.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import dev.briefings.digest.Sha256;

/** A file's size in bytes and SHA-256, as the manifest lists them. */
public record FileDigest(String file, String role, long size, String sha256) {

    public static FileDigest of(Path path, String name, String role) throws IOException {
        return of(path, name, role, Sha256.of(Files.size(path)));
    }

    /** With a digest of the caller's choosing (see {@link Sha256#of}). */
    public static FileDigest of(Path path, String name, String role, MessageDigest digest) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new FileDigest(name, role, Files.size(path), HexFormat.of().formatHex(digest.digest()));
    }

}
