package jp.kosmo.keycloak.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many code mails of one kind a member may get: none within {@code cooldownSeconds} of the last one and at most
 * {@code hourlyCap} in any rolling hour, counted per member across logins, tabs and cluster nodes (restarting the
 * login resets nothing). The send times live in one store entry per member and kind; a new send is reserved with
 * a compare-and-set on that entry's version (an atomic put-if-absent of "version n+1"), so parallel requests cannot
 * both take the last mail. Times are Keycloak's clock, so a changed setting applies at once to mails already sent.
 */
public final class MemberMailLimit {

    public enum Reason { NONE, COOLDOWN, HOURLY_CAP }

    /** Whether a mail may go now; if not, why and in how many seconds the next one may. */
    public record Allowance(Reason refusedBecause, long waitSeconds) {
        public boolean allowed() {
            return refusedBecause == Reason.NONE;
        }
    }

    static final long WINDOW_SECONDS = 3600;
    private static final String FAILED = ":failed:";
    private static final String USED = ":used";
    private static final String AT = "at";
    private static final String PREFIX = "kosmo-mail:";
    private static final String TIMES = "times";
    private static final String VERSION = "version";

    private final CodeStore store;

    public MemberMailLimit(CodeStore store) {
        this.store = store;
    }

    /** What {@link #tryReserve} would answer now, reserving nothing. */
    public Allowance check(String kind, String userId, long now, int cooldownSeconds, int hourlyCap) {
        return decide(recentTimes(kind, userId, read(kind, userId), now), usedAt(kind, userId), now, cooldownSeconds,
                hourlyCap);
    }

    /** Reserves a mail at {@code now} if one is allowed (the caller then sends it). */
    public Allowance tryReserve(String kind, String userId, long now, int cooldownSeconds, int hourlyCap) {
        Map<String, String> entry = read(kind, userId);
        List<Long> times = recentTimes(kind, userId, entry, now);
        Allowance allowance = decide(times, usedAt(kind, userId), now, cooldownSeconds, hourlyCap);
        if (!allowance.allowed()) {
            return allowance;
        }
        long version = version(entry) + 1;
        String key = key(kind, userId);
        if (!store.putIfAbsent(key + ":v" + version, WINDOW_SECONDS + cooldownSeconds)) {
            // another request reserved a mail for this member a moment ago
            return new Allowance(Reason.COOLDOWN, Math.max(1, cooldownSeconds));
        }
        times.add(now);
        Map<String, String> next = new HashMap<>();
        next.put(TIMES, join(times));
        next.put(VERSION, Long.toString(version));
        store.put(key, WINDOW_SECONDS + cooldownSeconds, next);
        return allowance;
    }

    /**
     * The mail reserved at {@code reservedAt} could not be sent (the mail server refused it): it neither starts the
     * cooldown nor counts toward the cap. Written under a key of its own, since the member's entry was already
     * written in this request (the store takes one write per key and transaction).
     */
    public void sendFailed(String kind, String userId, long reservedAt) {
        store.putIfAbsent(key(kind, userId) + FAILED + reservedAt, WINDOW_SECONDS);
    }

    /**
     * The member used a mailed code at {@code now}: the next mail may go at once (the cooldown only guards against
     * mails nobody asked for); the hourly cap still counts every mail.
     */
    public void codeUsed(String kind, String userId, long now) {
        store.put(key(kind, userId) + USED, WINDOW_SECONDS, Map.of(AT, Long.toString(now)));
    }

    static Allowance decide(List<Long> times, long usedAt, long now, int cooldownSeconds, int hourlyCap) {
        if (!times.isEmpty() && times.get(times.size() - 1) > usedAt) {
            long last = times.get(times.size() - 1);
            long cooldownLeft = last + cooldownSeconds - now;
            if (cooldownLeft > 0) {
                return new Allowance(Reason.COOLDOWN, cooldownLeft);
            }
        }
        if (hourlyCap > 0 && times.size() >= hourlyCap) {
            long oldestCounted = times.get(times.size() - hourlyCap);
            return new Allowance(Reason.HOURLY_CAP, Math.max(1, oldestCounted + WINDOW_SECONDS - now));
        }
        return new Allowance(Reason.NONE, 0);
    }

    private Map<String, String> read(String kind, String userId) {
        Map<String, String> entry = store.get(key(kind, userId));
        return entry == null ? Map.of() : entry;
    }

    private long usedAt(String kind, String userId) {
        Map<String, String> used = store.get(key(kind, userId) + USED);
        try {
            return used == null || used.get(AT) == null ? Long.MIN_VALUE : Long.parseLong(used.get(AT));
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The member's mails of the last hour, oldest first, without those the mail server refused. */
    private List<Long> recentTimes(String kind, String userId, Map<String, String> entry, long now) {
        List<Long> times = new ArrayList<>();
        String joined = entry.get(TIMES);
        if (joined == null || joined.isEmpty()) {
            return times;
        }
        for (String part : joined.split(",")) {
            try {
                long time = Long.parseLong(part);
                if (time > now - WINDOW_SECONDS && store.get(key(kind, userId) + FAILED + time) == null) {
                    times.add(time);
                }
            } catch (NumberFormatException ignored) {
                // an unreadable entry counts as no mail; the version still guards the next reservation
            }
        }
        times.sort(Long::compare);
        return times;
    }

    private static long version(Map<String, String> entry) {
        try {
            return entry.get(VERSION) == null ? 0 : Long.parseLong(entry.get(VERSION));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String join(List<Long> times) {
        StringBuilder out = new StringBuilder();
        for (Long time : times) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(time);
        }
        return out.toString();
    }

    private static String key(String kind, String userId) {
        return PREFIX + kind + ":" + userId;
    }
}
