package jp.kosmo.keycloak.code;

import jp.kosmo.keycloak.text.MemberInput;

/**
 * What a member typed into the code field, as the 6 ASCII digits to compare, or why it is not a code at all.
 *
 * <p>Full-width digits (NFKC), spaces of any kind (including the ideographic space) and the hyphen-like characters a
 * Japanese IME produces are accepted ({@link MemberInput.Separators#SPACES_AND_HYPHENS}), so {@code "１２３ ４５６"} and {@code "123-456"} both read as {@code 123456}.
 * Malformed input is answered on the page and never counts as a wrong code.
 */
public final class CodeInput {

    public static final int LENGTH = 6;
    /** Longer input is refused before any other work is done on it. */
    public static final int MAX_RAW_LENGTH = 64;

    public enum Problem {
        EMPTY("kosmoVerifiedEmailCodeEmpty"),
        MALFORMED("kosmoVerifiedEmailCodeMalformed");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** Either a code or a problem, never both. */
    public record Result(String code, Problem problem) {
        public boolean isValid() {
            return code != null;
        }
    }

    private CodeInput() {
    }

    public static Result parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Result(null, Problem.EMPTY);
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            return new Result(null, Problem.MALFORMED);
        }
        String digits = MemberInput.compact(raw, MemberInput.Separators.SPACES_AND_HYPHENS);
        if (digits.isEmpty()) {
            return new Result(null, Problem.EMPTY);
        }
        if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Result(null, Problem.MALFORMED);
        }
        return new Result(digits, null);
    }
}
