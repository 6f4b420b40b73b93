package jp.kosmo.keycloak.portal;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The portal's texts, from {@code portal-messages.properties} (Japanese, the default) and
 * {@code portal-messages_en.properties}. The language is {@code ?lang=} when it names one of ours, else the first of
 * the browser's Accept-Language that we have, else Japanese.
 */
final class PortalTexts {

    static final List<String> LANGUAGES = List.of("ja", "en");
    private static final String BUNDLE = "jp.kosmo.keycloak.portal.portal-messages";

    private final ResourceBundle bundle;
    private final String language;

    private PortalTexts(String language) {
        this.language = language;
        Locale locale = "ja".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static PortalTexts of(String language) {
        return new PortalTexts(LANGUAGES.contains(language) ? language : "ja");
    }

    static String pick(String langParameter, String acceptLanguage) {
        if (langParameter != null && LANGUAGES.contains(langParameter)) {
            return langParameter;
        }
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    for (String ours : LANGUAGES) {
                        if (tag.equals(ours) || tag.startsWith(ours + "-")) {
                            return ours;
                        }
                    }
                }
            } catch (IllegalArgumentException badHeader) {
                // fall through to the default
            }
        }
        return "ja";
    }

    String language() {
        return language;
    }

    /** The text, HTML escaped. */
    String html(String key) {
        return Html.escape(bundle.getString(key));
    }

    /** The text with {0}, {1}… replaced by the escaped arguments (the pattern itself is escaped too). */
    String html(String key, String... args) {
        String out = Html.escape(bundle.getString(key));
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", Html.escape(args[i]));
        }
        return out;
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }
}
