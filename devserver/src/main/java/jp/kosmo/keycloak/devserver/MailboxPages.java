package jp.kosmo.keycloak.devserver;

import jp.kosmo.keycloak.portal.Html;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Renders the web mailbox's HTML pages. Everything taken from a mail is HTML-escaped. */
final class MailboxPages {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String STYLE = """
            body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.35em .8em;text-align:left;vertical-align:top}
            th{background:#f4f4f4}pre{background:#f8f8f8;padding:1em;white-space:pre-wrap;word-break:break-all}
            iframe{width:100%;height:34em;border:1px solid #ccc}code{font-size:1.3em}a{word-break:break-all}
            .muted{color:#777}
            """;

    private MailboxPages() {
    }

    /** The list, newest first; refreshes itself every 5 seconds. */
    static String index(List<ReceivedMail> newestFirst, int smtpPort) {
        StringBuilder body = new StringBuilder();
        body.append("<p class=\"muted\">Every mail sent to SMTP 127.0.0.1:").append(smtpPort)
                .append(", newest first. This page refreshes every 5 seconds. JSON: <a href=\"/api/mails\">/api/mails</a></p>\n");
        if (newestFirst.isEmpty()) {
            body.append("<p>No mail yet.</p>\n");
        } else {
            body.append("<table>\n<tr><th>#</th><th>Received</th><th>To</th><th>Subject</th></tr>\n");
            for (ReceivedMail m : newestFirst) {
                body.append("<tr><td>").append(m.id())
                        .append("</td><td>").append(Html.escape(TIME.format(m.receivedAt())))
                        .append("</td><td>").append(Html.escape(String.join(", ", m.to())))
                        .append("</td><td><a href=\"/mail/").append(m.id()).append("\">")
                        .append(Html.escape(m.subject().isEmpty() ? "(no subject)" : m.subject()))
                        .append("</a></td></tr>\n");
            }
            body.append("</table>\n");
        }
        return page("Mailbox", body.toString(), true);
    }

    /** One mail: headers, links, codes, the HTML part in a sandboxed iframe and the text part. */
    static String detail(ReceivedMail m) {
        StringBuilder body = new StringBuilder("<p><a href=\"/\">&larr; All mails</a></p>\n<table>\n");
        row(body, "Received", TIME.format(m.receivedAt()));
        row(body, "From", m.from());
        row(body, "To", String.join(", ", m.to()));
        row(body, "Subject", m.subject());
        body.append("</table>\n");

        body.append("<h2>Links</h2>\n");
        if (m.links().isEmpty()) {
            body.append("<p class=\"muted\">none</p>\n");
        } else {
            body.append("<ul>\n");
            for (String link : m.links()) {
                body.append("<li><a href=\"").append(Html.escape(link))
                        .append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                        .append(Html.escape(link)).append("</a></li>\n");
            }
            body.append("</ul>\n");
        }
        if (!m.codes().isEmpty()) {
            body.append("<h2>Codes</h2>\n<p>");
            for (String code : m.codes()) {
                body.append("<code>").append(Html.escape(code)).append("</code> ");
            }
            body.append("</p>\n");
        }
        if (m.html() != null) {
            // No allow-scripts / allow-same-origin: the mail's HTML can neither run code nor read this page.
            // Its links open in a new tab (base target + allow-popups).
            String doc = "<base target=\"_blank\">" + m.html();
            body.append("<h2>HTML</h2>\n<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
                    .append(Html.escape(doc)).append("\"></iframe>\n");
        }
        body.append("<h2>Text</h2>\n<pre>").append(Html.escape(m.text())).append("</pre>\n");
        return page("#" + m.id() + " " + m.subject(), body.toString(), false);
    }

    static String notFound() {
        return page("Not found", "<p>No such page or mail. <a href=\"/\">Back to the list</a></p>\n", false);
    }

    private static void row(StringBuilder body, String label, String value) {
        body.append("<tr><th>").append(Html.escape(label)).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>\n");
    }

    private static String page(String title, String body, boolean autoRefresh) {
        return "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + (autoRefresh ? "<meta http-equiv=\"refresh\" content=\"5\">" : "")
                + "<title>" + Html.escape(title) + " - kosmo mailbox</title><style>" + STYLE + "</style></head>\n<body>\n"
                + "<h1>" + Html.escape(title) + "</h1>\n" + body + "</body></html>\n";
    }
}
