package dev.briefings.publish;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;

/** Write failures that name their file: a full disk reported by a stream says only "No space left on device". */
final class Failures {

    private Failures() {
    }

    static FileSystemException writing(Path file, Exception e) {
        Throwable reason = e instanceof JacksonException && e.getCause() != null ? e.getCause() : e;
        String message = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        var failure = new FileSystemException(file.toString(), null, message);
        failure.initCause(e);
        return failure;
    }
}
