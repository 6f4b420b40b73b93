package jp.kosmo.keycloak.code;

import java.util.Map;

/**
 * Which of a member's code mails could not be sent, so that the page asks to send it again at its next view: one
 * entry per member and kind of mail in the cluster-wide store (any node, any tab of the login), naming the
 * {@link IssuedCode#id()} of the mail that failed. A later mail has another code, so its page is not affected.
 */
public final class FailedMails {

    private static final String PREFIX = "kosmo-mail-failed:";
    private static final String CODE = "code";
    static final long LIFESPAN_SECONDS = MemberMailLimit.WINDOW_SECONDS;

    private final CodeStore store;

    public FailedMails(CodeStore store) {
        this.store = store;
    }

    /** The mail that carried {@code codeId} did not go. */
    public void markFailed(String kind, String userId, String codeId) {
        store.put(key(kind, userId), LIFESPAN_SECONDS, Map.of(CODE, codeId));
    }

    /** True when the mail that carried {@code code} is known not to have gone. */
    public boolean hasFailed(String kind, String userId, IssuedCode code) {
        if (code == null) {
            return false;
        }
        Map<String, String> entry = store.get(key(kind, userId));
        return entry != null && code.id().equals(entry.get(CODE));
    }

    /**
     * The whole bookkeeping of a code mail that did not go: the page shows it, and it neither starts the cooldown
     * nor counts toward the hourly cap ({@link MemberMailLimit#sendFailed}), so the member can ask again at once.
     */
    public static void record(CodeStore store, String kind, String userId, long reservedAt, String codeId) {
        new MemberMailLimit(store).sendFailed(kind, userId, reservedAt);
        new FailedMails(store).markFailed(kind, userId, codeId);
    }

    private static String key(String kind, String userId) {
        return PREFIX + kind + ":" + userId;
    }
}
