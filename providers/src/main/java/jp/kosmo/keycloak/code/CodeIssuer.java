package jp.kosmo.keycloak.code;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes a fresh six-digit code and the {@link IssuedCode} to keep for it. The code itself goes only into the mail. */
public final class CodeIssuer {

    /** The code to mail, and what is kept of it. */
    public record Issued(String code, IssuedCode kept) {
    }

    private final SecureRandom random;
    private final CodeGenerator generator;
    private final CodeHasher hasher;

    public CodeIssuer(SecureRandom random) {
        this.random = random;
        this.generator = new CodeGenerator(random);
        this.hasher = new CodeHasher(random);
    }

    public Issued issue(long now, int lifetimeSeconds) {
        String code = generator.next();
        String salt = hasher.newSalt();
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new Issued(code, new IssuedCode(HexFormat.of().formatHex(id), CodeHasher.hash(salt, code), salt,
                now + lifetimeSeconds));
    }
}
