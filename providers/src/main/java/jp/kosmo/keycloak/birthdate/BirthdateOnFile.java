package jp.kosmo.keycloak.birthdate;

import java.time.LocalDate;

import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;

/**
 * The birthdate on file for a member, read with the parser that reads what members type, so both sides compare as
 * {@link LocalDate}s. Used by the birthdate check and by the forgot-user-ID look-up.
 */
public final class BirthdateOnFile {

    private static final Logger LOG = Logger.getLogger(BirthdateOnFile.class);

    private BirthdateOnFile() {
    }

    /**
     * The member's birthdate in {@code attribute}, or null when there is none or it is unusable. A date after
     * {@code today} is an admin's typo the member cannot fix, so it counts as no birthdate at all.
     */
    public static LocalDate of(UserModel user, String attribute, LocalDate today) {
        String value = user.getFirstAttribute(attribute);
        if (value == null || value.isBlank()) {
            return null;
        }
        BirthdateInput.Result parsed = BirthdateInput.parse(value, today);
        if (!parsed.isValid()) {
            LOG.warnf("Member %s has an unusable value in attribute '%s' (%s); treated as no birthdate on file",
                    user.getId(), attribute, parsed.problem());
            return null;
        }
        return parsed.date();
    }
}
