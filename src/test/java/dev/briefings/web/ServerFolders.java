package dev.briefings.web;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The folders a server under test uses: data and output in a temporary folder, the given input and templates. */
final class ServerFolders {

    private ServerFolders() {
    }

    static void register(DynamicPropertyRegistry r, Path temp, Path input, Path templates) {
        System.setProperty("h2.bindAddress", "127.0.0.1");
        r.add("briefings.data-dir", () -> temp.resolve("data").toString());
        r.add("briefings.output-dir", () -> temp.resolve("output").toString());
        r.add("briefings.templates-dir", () -> templates.toAbsolutePath().toString());
        r.add("briefings.web.input", () -> input.toAbsolutePath().toString());
    }

    static void register(DynamicPropertyRegistry r, Path temp) {
        register(r, temp, dev.briefings.TestFolders.E2E_INPUT, Path.of("templates"));
    }
}
