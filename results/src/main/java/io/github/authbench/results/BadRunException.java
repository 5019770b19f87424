package io.github.authbench.results;

import java.nio.file.Path;

/**
 * A run directory (or a pair of them) that cannot be read or compared: the user's input, not a bug, so the message
 * names the file and the problem in one line and there is no stack trace to show.
 */
public final class BadRunException extends RuntimeException {

    public BadRunException(Path file, String problem) {
        super(file + ": " + problem, null, false, false);
    }

    public BadRunException(String problem) {
        super(problem, null, false, false);
    }
}
