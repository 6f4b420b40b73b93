package jp.kosmo.keycloak.forgotuserid;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.kosmo.keycloak.birthdate.BirthdateInput;
import org.keycloak.utils.EmailValidationUtil;

/**
 * Reads the two fields of the forgot-user-ID form: the address (full-width characters an IME leaves are folded,
 * case is ignored as Keycloak stores addresses in lower case) and the birthdate (the login's own
 * {@link BirthdateInput}). Every problem is a message key on its field; nothing here looks at members.
 */
public final class ForgotUserIdInput {

    public static final String FIELD_EMAIL = "email";
    public static final String FIELD_BIRTHDATE = "birthdate";

    /** RFC 5321's limit for a whole address. */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** Longer raw input is refused before it is normalised. */
    static final int MAX_RAW_EMAIL_LENGTH = 512;
    private static final int MAX_LOCAL_PART_LENGTH = 64;

    public static final String EMAIL_EMPTY = "kosmoForgotUserIdEmailEmpty";
    public static final String EMAIL_TOO_LONG = "kosmoForgotUserIdEmailTooLong";
    public static final String EMAIL_INVALID = "kosmoForgotUserIdEmailInvalid";

    /** A field and the message key that tells the member what is wrong with it. */
    public record Problem(String field, String messageKey) {
    }

    /** What was asked for: a normalised address and, when the form asks for it, a birthdate. */
    public record Request(String email, LocalDate birthdate) {
    }

    /** Either a request or the problems, never both. */
    public record Result(Request request, List<Problem> problems) {
        public boolean isValid() {
            return request != null;
        }
    }

    private ForgotUserIdInput() {
    }

    public static Result parse(String rawEmail, String rawBirthdate, boolean birthdateRequired, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String email = rawEmail == null || rawEmail.length() > MAX_RAW_EMAIL_LENGTH ? rawEmail : normaliseEmail(rawEmail);
        String emailProblem = emailProblem(email);
        if (emailProblem != null) {
            problems.add(new Problem(FIELD_EMAIL, emailProblem));
        }
        LocalDate birthdate = null;
        if (birthdateRequired) {
            BirthdateInput.Result parsed = BirthdateInput.parse(rawBirthdate, today);
            if (parsed.isValid()) {
                birthdate = parsed.date();
            } else {
                problems.add(new Problem(FIELD_BIRTHDATE, parsed.problem().messageKey()));
            }
        }
        return problems.isEmpty()
                ? new Result(new Request(email, birthdate), List.of())
                : new Result(null, List.copyOf(problems));
    }

    /** What is wrong with {@code email} (normalised unless over-long raw input), null when nothing is. */
    private static String emailProblem(String email) {
        if (email == null || email.isEmpty()) {
            return EMAIL_EMPTY;
        }
        if (email.length() > MAX_EMAIL_LENGTH) {
            return EMAIL_TOO_LONG;
        }
        if (email.codePoints().anyMatch(cp -> cp > 0x7E || cp < 0x21)
                || !EmailValidationUtil.isValidEmail(email, MAX_LOCAL_PART_LENGTH)) {
            return EMAIL_INVALID;
        }
        return null;
    }

    static String normaliseEmail(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
