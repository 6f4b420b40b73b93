package jp.kosmo.keycloak.devserver;

import java.util.List;

/** Just enough JSON writing for the mailbox API. */
final class Json {

    private Json() {
    }

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    /** {@code [{"id":..,"receivedAt":..,"from":..,"to":[..],"subject":..,"text":..,"links":[..],"codes":[..]}, ...]} */
    static String mails(List<ReceivedMail> mails) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < mails.size(); i++) {
            ReceivedMail m = mails.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("{\"id\":").append(m.id())
                    .append(",\"receivedAt\":").append(string(m.receivedAt().toString()))
                    .append(",\"from\":").append(string(m.from()))
                    .append(",\"to\":").append(strings(m.to()))
                    .append(",\"subject\":").append(string(m.subject()))
                    .append(",\"text\":").append(string(m.text()))
                    .append(",\"links\":").append(strings(m.links()))
                    .append(",\"codes\":").append(strings(m.codes()))
                    .append('}');
        }
        return out.append("\n]\n").toString();
    }
}
