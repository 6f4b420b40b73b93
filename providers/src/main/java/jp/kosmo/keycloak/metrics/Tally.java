package jp.kosmo.keycloak.metrics;

import java.util.List;

/**
 * One increment of one of our counters with its tag values (the realm is added where it is counted). The values
 * must be of the counter's tag enums, in order, so no free text can become a tag.
 */
public record Tally(KosmoCounter counter, List<Enum<?>> values) {

    public Tally {
        values = List.copyOf(values);
        List<KosmoCounter.TagKey> keys = counter.tags();
        if (values.size() != keys.size()) {
            throw new IllegalArgumentException(counter + " has tags " + keys + ", got " + values);
        }
        for (int i = 0; i < keys.size(); i++) {
            if (values.get(i).getDeclaringClass() != keys.get(i).values()) {
                throw new IllegalArgumentException(counter + ": tag " + keys.get(i).key() + " takes "
                        + keys.get(i).values().getSimpleName() + ", got " + values.get(i));
            }
        }
    }

    public static Tally of(KosmoCounter counter, Enum<?>... values) {
        return new Tally(counter, List.of(values));
    }

    public static Tally step(Tags.Step step) {
        return of(KosmoCounter.ONBOARDING_STEPS, step);
    }

    public static Tally mail(Tags.Mail mail, Tags.MailOutcome outcome) {
        return of(KosmoCounter.MAILS, mail, outcome);
    }

    public static Tally wrongCode(Tags.Code code) {
        return of(KosmoCounter.WRONG_CODES, code);
    }

    public static Tally wrongBirthdate(Tags.Page page) {
        return of(KosmoCounter.WRONG_BIRTHDATES, page);
    }

    public static Tally forgotUserId(Tags.ForgotUserIdOutcome outcome) {
        return of(KosmoCounter.FORGOT_USER_ID_REQUESTS, outcome);
    }

    public static Tally recovery(Tags.RecoveredBy by, Tags.RecoveryOutcome outcome) {
        return of(KosmoCounter.RECOVERIES, by, outcome);
    }

    /** The tag values as Micrometer gets them. */
    public List<String> tagValues() {
        return values.stream().map(Tags::value).toList();
    }
}
