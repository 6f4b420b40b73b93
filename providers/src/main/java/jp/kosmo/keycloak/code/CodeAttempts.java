package jp.kosmo.keycloak.code;

/**
 * Checks a typed code against an {@link IssuedCode}, race-free across parallel posts and cluster nodes: every try
 * first claims one of {@code maxTries} numbered slots under the code's id with the store's atomic put-if-absent, so
 * no two requests can both spend "the last try"; a right code is then used up by claiming its "used" key, so two
 * parallel posts of the right code let only one of them in. The slots outlive the login that issued the code, so a
 * new tab, another login of the member or a successful sign-in elsewhere never gives a code its tries back.
 */
public final class CodeAttempts {

    public enum Outcome { OK, WRONG, DEAD, EXPIRED, USED }

    /**
     * What happened, and how many tries the code has left. {@code WRONG} with 0 left: this wrong try was the last
     * one and the code is dead now; {@code DEAD}: the code had no try left, nothing was compared.
     */
    public record Result(Outcome outcome, int triesLeft) {
        public boolean isWrong() {
            return outcome == Outcome.WRONG;
        }
    }

    private static final String PREFIX = "kosmo-code:";
    /** Slots live a little longer than any code, so an expired code cannot be retried by an outlived slot. */
    private static final long SLACK_SECONDS = 60;

    private final CodeStore store;

    public CodeAttempts(CodeStore store) {
        this.store = store;
    }

    public Result verify(IssuedCode code, String normalisedCode, long now, int maxTries) {
        if (code.isExpired(now)) {
            return new Result(Outcome.EXPIRED, 0);
        }
        long lifespan = Math.max(1, code.expiresAt() - now) + SLACK_SECONDS;
        int slot = claimTry(code, maxTries, lifespan);
        if (slot == 0) {
            return new Result(Outcome.DEAD, 0);
        }
        if (code.matches(normalisedCode)) {
            return store.putIfAbsent(PREFIX + code.id() + ":used", lifespan)
                    ? new Result(Outcome.OK, maxTries - slot)
                    : new Result(Outcome.USED, 0);
        }
        return new Result(Outcome.WRONG, maxTries - slot);
    }

    /** True when the code can no longer be used: expired, used up or out of tries. Claims nothing. */
    public boolean isSpent(IssuedCode code, long now, int maxTries) {
        if (code.isExpired(now)) {
            return true;
        }
        return store.get(PREFIX + code.id() + ":used") != null
                || store.get(PREFIX + code.id() + ":try:" + maxTries) != null;
    }

    /** The number (1..maxTries) of the try this request took, or 0 when all were taken. */
    private int claimTry(IssuedCode code, int maxTries, long lifespan) {
        for (int slot = 1; slot <= maxTries; slot++) {
            if (store.putIfAbsent(PREFIX + code.id() + ":try:" + slot, lifespan)) {
                return slot;
            }
        }
        return 0;
    }
}
