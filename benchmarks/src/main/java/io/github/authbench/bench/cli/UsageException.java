package io.github.authbench.bench.cli;

/** A user's mistake on the command line: printed as one line, exit status 2, no stack trace. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
