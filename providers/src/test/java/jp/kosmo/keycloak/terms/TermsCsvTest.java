package jp.kosmo.keycloak.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TermsCsvTest {

    private static TermsAcceptanceRepresentation row(String username, String userAgent) {
        return new TermsAcceptanceRepresentation("id-1", "user-1", username, "2", "2025-04-01T00:00:00Z", "192.0.2.1", userAgent);
    }

    @Test
    @DisplayName("BOM, header row, one CRLF-terminated line per acceptance")
    void layout() {
        String csv = TermsCsv.render(List.of(row("testuser01", "Chrome"), row("山田", null)));
        assertTrue(csv.startsWith("\uFEFF"), "Excel needs the byte order mark for UTF-8");
        String[] lines = csv.substring(1).split("\r\n", -1);
        assertEquals(4, lines.length, csv);
        assertEquals("username,user_id,terms_version,accepted_at_utc,client_ip,user_agent", lines[0]);
        assertEquals("testuser01,user-1,2,2025-04-01T00:00:00Z,192.0.2.1,Chrome", lines[1]);
        assertEquals("山田,user-1,2,2025-04-01T00:00:00Z,192.0.2.1,", lines[2]);
        assertEquals("", lines[3]);
    }

    @Test
    @DisplayName("no acceptances: just the header")
    void empty() {
        assertEquals("\uFEFFusername,user_id,terms_version,accepted_at_utc,client_ip,user_agent\r\n", TermsCsv.render(List.of()));
    }

    @Test
    @DisplayName("commas, quotes and line breaks are quoted")
    void quoting() {
        assertEquals("\"Mozilla/5.0 (KHTML, like Gecko)\"", TermsCsv.cell("Mozilla/5.0 (KHTML, like Gecko)"));
        assertEquals("\"say \"\"hi\"\"\"", TermsCsv.cell("say \"hi\""));
        assertEquals("\"a\nb\"", TermsCsv.cell("a\nb"));
        assertEquals("plain", TermsCsv.cell("plain"));
    }

    @Test
    @DisplayName("cells a spreadsheet would run as formulas are defused")
    void formulas() {
        assertEquals("'=HYPERLINK(1)", TermsCsv.cell("=HYPERLINK(1)"));
        assertEquals("'+1", TermsCsv.cell("+1"));
        assertEquals("'-1", TermsCsv.cell("-1"));
        assertEquals("'@SUM(A1)", TermsCsv.cell("@SUM(A1)"));
        assertEquals("\"'=1,2\"", TermsCsv.cell("=1,2"));
    }
}
