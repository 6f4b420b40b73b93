package jp.kosmo.keycloak.devserver;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/** Prints a received mail as a block on the console: subject, from, to, links, codes. */
final class ConsoleMailPrinter implements Consumer<ReceivedMail> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintStream out;
    private final String mailboxUrl;

    /** @param mailboxUrl base URL of the web mailbox, e.g. {@code http://localhost:8025/} */
    ConsoleMailPrinter(PrintStream out, String mailboxUrl) {
        this.out = out;
        this.mailboxUrl = mailboxUrl;
    }

    @Override
    public void accept(ReceivedMail mail) {
        out.print(format(mail));
        out.flush();
    }

    String format(ReceivedMail mail) {
        StringBuilder s = new StringBuilder();
        String title = "== MAIL #" + mail.id() + " received " + TIME.format(mail.receivedAt()) + " ";
        s.append('\n').append(title).append("=".repeat(Math.max(4, 72 - title.length()))).append('\n');
        line(s, "Subject", mail.subject());
        line(s, "From", mail.from());
        line(s, "To", String.join(", ", mail.to()));
        lines(s, "Link", mail.links());
        lines(s, "Code", mail.codes());
        line(s, "View", mailboxUrl + "mail/" + mail.id());
        s.append("=".repeat(72)).append("\n\n");
        return s.toString();
    }

    private static void lines(StringBuilder s, String label, List<String> values) {
        for (String value : values) {
            line(s, label, value);
        }
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(String.format("%-8s", label + ":")).append(' ').append(value).append('\n');
    }
}
