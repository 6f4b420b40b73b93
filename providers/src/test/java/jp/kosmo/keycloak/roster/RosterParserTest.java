package jp.kosmo.keycloak.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.kosmo.keycloak.roster.RosterSettings.Field;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RosterParserTest {

    static final String HEADER = "記号,番号,枝番,氏名,氏名カナ,生年月日,メールアドレス,資格喪失日\r\n";

    static RosterSettings defaults() {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            columns.put(f, f.defaultHeader());
        }
        return new RosterSettings(columns, Duration.ofDays(90), "random", "random", "Union", "http://x/");
    }

    private final RosterParser parser = new RosterParser(defaults(), LocalDate.of(2026, 12, 1));

    private List<RosterRow> parse(byte[] file, Charset chosen) throws Exception {
        List<RosterRow> rows = new ArrayList<>();
        parser.parse(new ByteArrayInputStream(file), chosen, rows::add);
        return rows;
    }

    @Nested
    class Encodings {
        @Test
        void cp932IsDetected() throws Exception {
            byte[] file = (HEADER + "１２３,４５６,01,山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,昭和54年8月22日,,\r\n").getBytes(RosterCharset.CP932);
            List<RosterRow> rows = parse(file, null);
            assertEquals(1, rows.size());
            RosterRecord r = rows.get(0).record();
            assertEquals("123", r.symbol());
            assertEquals("456", r.number());
            assertEquals("01", r.branch());
            assertEquals("山田", r.lastName());
            assertEquals("太郎", r.firstName());
            assertEquals("ヤマダ", r.lastNameKana(), "half-width kana become full-width");
            assertEquals("タロウ", r.firstNameKana());
            assertEquals(LocalDate.of(1979, 8, 22), r.birthdate());
            assertEquals(2, rows.get(0).line());
        }

        @Test
        void utf8WithByteOrderMark() throws Exception {
            byte[] file = ("\uFEFF" + HEADER + "1,2,3,佐藤 花子,サトウ ハナコ,1985-03-15,Hanako@Example.org,\n").getBytes(StandardCharsets.UTF_8);
            RosterRecord r = parse(file, null).get(0).record();
            assertEquals("佐藤", r.lastName());
            assertEquals("hanako@example.org", r.email());
        }

        @Test
        void aRowThatIsNotValidInTheChosenCharsetIsRejectedAlone() throws Exception {
            byte[] good = (HEADER + "1,2,3,佐藤 花子,,1985-03-15,,\n").getBytes(StandardCharsets.UTF_8);
            byte[] bad = "1,2,4,\u00ff\u00fe,,1985-03-15,,\n".getBytes(StandardCharsets.ISO_8859_1);
            byte[] file = new byte[good.length + bad.length];
            System.arraycopy(good, 0, file, 0, good.length);
            System.arraycopy(bad, 0, file, good.length, bad.length);
            List<RosterRow> rows = parse(file, StandardCharsets.UTF_8);
            assertTrue(rows.get(0).ok());
            assertEquals(RosterProblem.ENCODING, rows.get(1).problem());
            assertEquals(3, rows.get(1).line());
        }
    }

    @Nested
    class BadRows {
        @Test
        void eachBadRowWithItsLineTheOthersPass() throws Exception {
            String file = HEADER
                    + "1,1,1,A B,,X54.08.22,,\n"           // 2 unknown era
                    + "1,1,2,A B,,19790230,,\n"            // 3 impossible
                    + ",1,3,A B,,19790822,,\n"             // 4 missing key
                    + "1,1,4,A B,,19790822,,\n"            // 5 ok
                    + "1,1,4,A B,,19790822,,\n"            // 6 duplicate
                    + "1,1,5," + "長".repeat(300) + ",,19790822,,\n" // 7 too long
                    + "\n"                                   // 8 blank, skipped
                    + "1,1,6,\"A\nB\",,19790822,,\n"      // 9-10 a quoted line break
                    + "1,1,7,A B,,H1/1/7,,\n"              // 11 outside era
                    + "1,1,8,A B,,19790822,not-mail,\n";   // 12 email
            List<RosterRow> rows = parse(file.getBytes(StandardCharsets.UTF_8), null);
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 9L, 11L, 12L), rows.stream().map(RosterRow::line).toList());
            assertEquals(RosterProblem.UNKNOWN_ERA, rows.get(0).problem());
            assertEquals("生年月日", rows.get(0).column());
            assertEquals(RosterProblem.IMPOSSIBLE_DATE, rows.get(1).problem());
            assertEquals(RosterProblem.MISSING_FIELD, rows.get(2).problem());
            assertEquals("記号", rows.get(2).column());
            assertTrue(rows.get(3).ok());
            assertEquals(RosterProblem.DUPLICATE_KEY, rows.get(4).problem());
            assertTrue(rows.get(4).describe().contains("line 5"), rows.get(4).describe());
            assertEquals(RosterProblem.TOO_LONG, rows.get(5).problem());
            assertTrue(rows.get(6).ok());
            assertEquals(RosterProblem.OUTSIDE_ERA, rows.get(7).problem());
            assertEquals(RosterProblem.EMAIL, rows.get(8).problem());
            assertEquals("line 2: 生年月日: unknown era", rows.get(0).describe());
        }

        @Test
        void lossDateIsOptionalAndParsedLikeABirthdate() throws Exception {
            List<RosterRow> rows = parse((HEADER + "1,2,3,A B,,19790822,,R6.4.1\n1,2,4,A B,,19790822,,\n")
                    .getBytes(StandardCharsets.UTF_8), null);
            assertEquals(LocalDate.of(2024, 4, 1), rows.get(0).record().lossDate());
            assertNull(rows.get(1).record().lossDate());
        }
    }

    @Nested
    class WholeFile {
        @Test
        void withoutTheKeyColumnsItIsNoRoster() {
            NotARosterException e = assertThrows(NotARosterException.class,
                    () -> parse("name,birthdate\nA,1979-08-22\n".getBytes(StandardCharsets.UTF_8), null));
            assertTrue(e.getMessage().contains("記号"), e.getMessage());
        }

        @Test
        void binaryAndEmptyFilesAreRefused() {
            assertThrows(NotARosterException.class, () -> parse(new byte[0], null));
            assertThrows(NotARosterException.class, () -> parse(new byte[] {0x50, 0x4b, 3, 4, 0, 0, (byte) 0xff, 10, 1, 2}, null));
        }

        @Test
        void headersAreConfigured() throws Exception {
            Map<Field, String> columns = new EnumMap<>(defaults().columns());
            columns.put(Field.SYMBOL, "保険証記号");
            RosterParser custom = new RosterParser(new RosterSettings(columns, Duration.ofDays(1), "random", "random", "U", "u"),
                    LocalDate.of(2026, 12, 1));
            List<RosterRow> rows = new ArrayList<>();
            custom.parse(new ByteArrayInputStream("保険証記号,番号,枝番,氏名,生年月日\n9,8,7,A B,S54.8.22\n"
                    .getBytes(StandardCharsets.UTF_8)), null, rows::add);
            assertEquals("9", rows.get(0).record().symbol());
        }
    }
}
