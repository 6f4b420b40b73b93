package jp.kosmo.keycloak.text;

import java.text.Normalizer;

/**
 * What a member typed, made comparable: Unicode NFKC (full-width digits and letters become ASCII, half-width
 * katakana and punctuation full-width) and the separators dropped that a phone keyboard or a Japanese IME puts
 * between the parts of a value. The one normaliser of the birthdate, the one-time codes and the password policy.
 *
 * <p>Separators are, after NFKC: white space of every kind (the ideographic space U+3000 included), the hyphen-like
 * characters an IME produces ({@code -} also from {@code －} U+FF0D, {@code ‐ ‑ ‒ – — ―} U+2010-U+2015, {@code −}
 * U+2212, {@code ー} U+30FC also from {@code ｰ} U+FF70) and, where the value allows them, the date separators
 * ({@code /} and {@code .}, also from {@code ／ ．}, and what an IME makes of those keys: {@code ・} U+30FB and
 * {@code 。} U+3002, also from {@code ･ ｡}).
 */
public final class MemberInput {

    /** Which separators a value may contain besides white space and hyphens. */
    public enum Separators {
        /** White space and hyphens only: one-time codes ({@code "１２３ ４５６"}, {@code "123-456"}). */
        SPACES_AND_HYPHENS(""),
        /** Also the date separators: birthdates ({@code "1979/08/22"}, {@code "１９７９・０８・２２"}). */
        DATE(MemberInput.DATE_SEPARATORS),
        /** Also {@code _} and {@code :}: a password compared with the member's personal data. */
        PERSONAL_DATA(MemberInput.DATE_SEPARATORS + "_:");

        private final String extra;

        Separators(String extra) {
            this.extra = extra;
        }

        boolean isSeparator(int codePoint) {
            return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                    || HYPHENS.indexOf(codePoint) >= 0 || extra.indexOf(codePoint) >= 0;
        }
    }

    /** Hyphen-like characters as they are after NFKC. */
    static final String HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC";
    /** Date separators as they are after NFKC. */
    static final String DATE_SEPARATORS = "/.\u30FB\u3002";

    private MemberInput() {
    }

    /** NFKC only; null stays null. */
    public static String nfkc(String raw) {
        return raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }

    /** NFKC, then every separator of the given kind dropped; null stays null. */
    public static String compact(String raw, Separators separators) {
        if (raw == null) {
            return null;
        }
        String normalised = nfkc(raw);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().filter(cp -> !separators.isSeparator(cp)).forEach(out::appendCodePoint);
        return out.toString();
    }
}
