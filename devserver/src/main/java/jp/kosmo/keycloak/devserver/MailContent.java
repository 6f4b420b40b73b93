package jp.kosmo.keycloak.devserver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the interesting bits of a mail body: links (verify e-mail, reset password, ...) and one-time codes.
 * Mails are Japanese, so there are often no spaces around a URL or a code: only ASCII characters can belong
 * to a URL, and a code only has to be free of neighbouring ASCII letters and digits.
 */
final class MailContent {

    /** RFC 3986 characters minus the ones that usually wrap a URL in prose: ( ) ' " < > and whitespace. */
    private static final Pattern LINK = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&*+,;=%]+",
            Pattern.CASE_INSENSITIVE);
    /** Trailing characters that end a sentence rather than a URL. */
    private static final String TRAILING_PUNCTUATION = ".,;:!?]";
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_\\-./,+#])\\d{6,8}(?![A-Za-z0-9_\\-/+#]|[.,]\\d)");
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style|head)\\b.*?</\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("<\\s*(br|/p|/div|/tr|/h[1-6]|/li)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");

    private MailContent() {
    }

    /** http(s) links in the plain text, followed by the hrefs of the HTML part; in order, no duplicates. */
    static List<String> links(String text, String html) {
        Set<String> links = new LinkedHashSet<>(linksInText(text));
        if (html != null) {
            Matcher href = HREF.matcher(html);
            while (href.find()) {
                String value = unescapeEntities(href.group(1) != null ? href.group(1) : href.group(2)).trim();
                String lower = value.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    links.add(value);
                }
            }
            links.addAll(linksInText(htmlToText(html)));
        }
        return new ArrayList<>(links);
    }

    static List<String> linksInText(String text) {
        List<String> links = new ArrayList<>();
        if (text == null) {
            return links;
        }
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = stripTrailingPunctuation(m.group());
            if (!links.contains(link)) {
                links.add(link);
            }
        }
        return links;
    }

    /** Standalone 6-8 digit numbers outside of links, in order, no duplicates. */
    static List<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        if (text == null) {
            return new ArrayList<>();
        }
        String withoutLinks = LINK.matcher(text).replaceAll(" ");
        Matcher m = CODE.matcher(withoutLinks);
        while (m.find()) {
            codes.add(m.group());
        }
        return new ArrayList<>(codes);
    }

    /** A readable plain-text rendering of an HTML mail (for code extraction and the JSON API). */
    static String htmlToText(String html) {
        if (html == null) {
            return "";
        }
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll("");
        text = LINE_BREAK_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll(" ");
        text = unescapeEntities(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.replaceAll("[ \\t\\x0B\\f\\r\\u00A0]+", " ").strip();
            if (!trimmed.isEmpty()) {
                out.append(trimmed).append('\n');
            }
        }
        return out.toString();
    }

    static String unescapeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement;
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                replacement = codePoint(entity.substring(2), 16, m.group());
            } else if (entity.startsWith("#")) {
                replacement = codePoint(entity.substring(1), 10, m.group());
            } else {
                replacement = switch (entity.toLowerCase(Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00A0";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String digits, int radix, String original) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : original;
        } catch (NumberFormatException e) {
            return original;
        }
    }

    private static String stripTrailingPunctuation(String link) {
        int end = link.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(link.charAt(end - 1)) >= 0) {
            end--;
        }
        return link.substring(0, end);
    }
}
