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
    static final long CANCEL_WINDOW_SECONDS = 30;
    private static final String PREFIX = "kosmo-mail:";
    private static final String TIMES = "times";
    private static final String VERSION = "version";

    private final CodeStore store;

    public MemberMailLimit(CodeStore store) {
        this.store = store;
    }

    /** What {@link #tryReserve} would answer now, reserving nothing. */
    public Allowance check(String kind, String userId, long now, int cooldownSeconds, int hourlyCap) {
        return decide(recentTimes(read(kind, userId), now), now, cooldownSeconds, hourlyCap);
    }

    /** Reserves a mail at {@code now} if one is allowed (the caller then sends it). */
    public Allowance tryReserve(String kind, String userId, long now, int cooldownSeconds, int hourlyCap) {
        Map<String, String> entry = read(kind, userId);
        List<Long> times = recentTimes(entry, now);
        Allowance allowance = decide(times, now, cooldownSeconds, hourlyCap);
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
     * Gives back the member's newest reservation of the last {@value #CANCEL_WINDOW_SECONDS} seconds before
     * {@code now}, when its mail could not be sent (the mail server refused it): a mail that never reached the mailbox
     * neither starts the cooldown nor counts toward the cap. Best effort: when another request changed the entry
     * meanwhile, the reservation stays counted.
     */
    public void cancel(String kind, String userId, long now, int cooldownSeconds) {
        Map<String, String> entry = read(kind, userId);
        List<Long> times = recentTimes(entry, now);
        if (times.isEmpty()) {
            return;
        }
        long newest = times.get(times.size() - 1);
        if (newest > now || newest < now - CANCEL_WINDOW_SECONDS) {
            return;
        }
        times.remove(times.size() - 1);
        long version = version(entry) + 1;
        String key = key(kind, userId);
        if (!store.putIfAbsent(key + ":v" + version, WINDOW_SECONDS + cooldownSeconds)) {
            return;
        }
        Map<String, String> next = new HashMap<>();
        next.put(TIMES, join(times));
        next.put(VERSION, Long.toString(version));
        store.put(key, WINDOW_SECONDS + cooldownSeconds, next);
    }

    static Allowance decide(List<Long> times, long now, int cooldownSeconds, int hourlyCap) {
        if (!times.isEmpty()) {
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

    private static List<Long> recentTimes(Map<String, String> entry, long now) {
        List<Long> times = new ArrayList<>();
        String joined = entry.get(TIMES);
        if (joined == null || joined.isEmpty()) {
            return times;
        }
        for (String part : joined.split(",")) {
            try {
                long time = Long.parseLong(part);
                if (time > now - WINDOW_SECONDS) {
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
