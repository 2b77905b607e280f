package dev.briefings.job;

import java.util.ArrayList;
import java.util.List;

import dev.briefings.publish.FileDigest;

/** Input digests kept in the job's execution context as plain text lines (name, role, bytes, sha256). */
final class InputDigests {

    private InputDigests() {
    }

    static String toText(List<FileDigest> digests) {
        StringBuilder sb = new StringBuilder();
        for (FileDigest d : digests) {
            sb.append(d.file()).append('\t').append(d.role()).append('\t').append(d.size()).append('\t')
                    .append(d.sha256()).append('\n');
        }
        return sb.toString();
    }

    static List<FileDigest> fromText(String text) {
        List<FileDigest> list = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                String[] f = line.split("\t");
                list.add(new FileDigest(f[0], f[1], Long.parseLong(f[2]), f[3]));
            }
        }
        return list;
    }
}
