package jp.kosmo.keycloak.password;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jp.kosmo.keycloak.text.MemberInput;

/**
 * Whether a password leans on facts printed on the member's insurance card: the birthdate in any common
 * form, or the card's symbol (記号) and number (番号). Pure logic, no Keycloak.
 *
 * <p>Both sides are compared after NFKC (full-width digits and letters become half-width), lower-casing and
 * dropping separators (spaces, ideographic space, - / . _ : ー and the like: {@link MemberInput.Separators#PERSONAL_DATA}).
 */
public final class PersonalDataInPassword {

    /** Card values shorter than this are too common to refuse (a one-digit 記号 would forbid most passwords). */
    public static final int MIN_CARD_VALUE_LENGTH = 3;

    private PersonalDataInPassword() {
    }

    public static boolean containsBirthdate(String password, LocalDate birthdate) {
        if (password == null || birthdate == null) {
            return false;
        }
        String p = normalise(password);
        String yyyy = String.format("%04d", birthdate.getYear());
        String yy = yyyy.substring(2);
        String mm = String.format("%02d", birthdate.getMonthValue());
        String dd = String.format("%02d", birthdate.getDayOfMonth());
        List<String> forms = List.of(yyyy + mm + dd, yy + mm + dd, mm + dd + yyyy, dd + mm + yyyy, mm + dd + yy, dd + mm + yy);
        if (forms.stream().anyMatch(p::contains)) {
            return true;
        }
        // month and day together with the year, in any order and position (e.g. "0822-Sakura-1979")
        return p.contains(mm + dd) && p.contains(yyyy);
    }

    public static boolean containsAny(String password, Collection<String> cardValues) {
        if (password == null) {
            return false;
        }
        String p = normalise(password);
        List<String> values = new ArrayList<>();
        for (String value : cardValues) {
            if (value != null) {
                String v = normalise(value);
                if (v.length() >= MIN_CARD_VALUE_LENGTH) {
                    values.add(v);
                }
            }
        }
        return values.stream().anyMatch(p::contains);
    }

    static String normalise(String s) {
        return MemberInput.compact(s, MemberInput.Separators.PERSONAL_DATA).toLowerCase(Locale.ROOT);
    }
}
