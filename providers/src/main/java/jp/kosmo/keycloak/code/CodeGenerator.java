package jp.kosmo.keycloak.code;

import java.security.SecureRandom;
import java.util.Objects;

/** Draws the 6-digit codes sent by mail, uniformly from 000000 to 999999. */
public final class CodeGenerator {

    private static final int BOUND = 1_000_000;

    private final SecureRandom random;

    public CodeGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        return String.format("%06d", random.nextInt(BOUND));
    }
}
