package jp.kosmo.keycloak.funnel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One count of a funnel.
 *
 * @param members  the members the filter selects
 * @param reached  per {@link FunnelStep} (in its order): members who passed that step and every step before
 * @param methods  per method id ({@code passkey}, {@code app-otp}, {@code email-otp}): members with that method
 *                 enrolled; {@code next-login}: chosen for the next login, none enrolled yet
 * @param disabled members whose account is disabled (a 資格喪失日, an admin, a permanent lockout)
 * @param locked   members locked for good by the brute-force detector (disabled, reason {@code permanentLockout})
 * @param countedAt when the database was asked
 */
public record FunnelCounts(long members, List<Long> reached, Map<String, Long> methods, long disabled, long locked,
                           Instant countedAt) {

    public long reached(FunnelStep step) {
        return reached.get(step.ordinal());
    }

    /** Members whose first step not passed is {@code step}. */
    public long stuck(FunnelStep step) {
        long before = step.ordinal() == 0 ? members : reached.get(step.ordinal() - 1);
        return before - reached(step);
    }

    /** The JSON answer. */
    Map<String, Object> representation(FunnelFilter filter, String termsVersion, int cacheSeconds) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> filterOut = new LinkedHashMap<>();
        filterOut.put("job", filter.jobId());
        filterOut.put("from", filter.from() == null ? null : filter.from().toString());
        filterOut.put("to", filter.to() == null ? null : filter.to().toString());
        out.put("filter", filterOut);
        out.put("termsVersion", termsVersion);
        out.put("members", members);
        out.put("steps", java.util.Arrays.stream(FunnelStep.values()).map(step -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("step", step.id());
            s.put("reached", reached(step));
            s.put("stuck", stuck(step));
            return s;
        }).toList());
        out.put("methods", methods);
        out.put("disabled", disabled);
        out.put("locked", locked);
        out.put("countedAt", countedAt.toString());
        out.put("cacheSeconds", cacheSeconds);
        return out;
    }
}
