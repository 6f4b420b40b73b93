package jp.kosmo.keycloak.devserver;

/**
 * A problem the person running {@code ./run.sh} can fix (missing build output, port in use, ...). Its message is
 * printed as is, without a stack trace.
 */
final class StartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
