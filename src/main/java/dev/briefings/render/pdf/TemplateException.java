package dev.briefings.render.pdf;

import java.nio.file.Path;

/**
 * The PDF template cannot be used: its folder or a file in it is missing, unreadable, or does not parse.
 * The message names the file and what is wrong, so that an analyst editing the template can fix it.
 */
public class TemplateException extends RuntimeException {

    private final transient Path file;

    public TemplateException(Path file, String problem, Throwable cause) {
        super("PDF template " + file + ": " + problem, cause);
        this.file = file;
    }

    public TemplateException(Path file, String problem) {
        this(file, problem, null);
    }

    /** The template file (or folder) at fault. */
    public Path file() {
        return file;
    }
}
