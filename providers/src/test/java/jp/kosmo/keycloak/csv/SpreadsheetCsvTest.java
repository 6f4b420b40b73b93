package jp.kosmo.keycloak.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    @DisplayName("BOM, header, CRLF rows; null cells empty")
    void layout() {
        assertEquals("\uFEFFa,b\r\n1,\r\n", SpreadsheetCsv.render(List.of("a", "b"), List.of(Arrays.asList("1", null))));
    }

    @Test
    @DisplayName("formula starts (= + - @ tab CR) get an apostrophe, then quoting applies")
    void formulas() {
        assertEquals("'=1", SpreadsheetCsv.cell("=1"));
        assertEquals("'+1", SpreadsheetCsv.cell("+1"));
        assertEquals("'-1", SpreadsheetCsv.cell("-1"));
        assertEquals("'@A1", SpreadsheetCsv.cell("@A1"));
        assertEquals("'\tx", SpreadsheetCsv.cell("\tx"));
        assertEquals("\"'\rx\"", SpreadsheetCsv.cell("\rx"));
        assertEquals("\"'=1,2\"", SpreadsheetCsv.cell("=1,2"));
        assertEquals("a-b", SpreadsheetCsv.cell("a-b"));
    }
}
