package jp.kosmo.keycloak.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetCellTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=HYPERLINK(1)|'=HYPERLINK(1)",
            "+81 3|'+81 3",
            "-1|'-1",
            "@SUM(A1)|'@SUM(A1)",
            "山田 太郎|山田 太郎",
            "ab3kq7xm|ab3kq7xm",
    })
    void formulasBecomeText(String value, String cell) {
        assertEquals(cell, SpreadsheetCell.text(value));
    }

    @org.junit.jupiter.api.Test
    void tabAndCarriageReturnAndNothing() {
        assertEquals("'\tx", SpreadsheetCell.text("\tx"));
        assertEquals("'\rx", SpreadsheetCell.text("\rx"));
        assertEquals("", SpreadsheetCell.text(null));
        assertEquals("", SpreadsheetCell.text(""));
    }
}
