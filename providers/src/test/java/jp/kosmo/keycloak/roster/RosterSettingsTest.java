package jp.kosmo.keycloak.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RosterSettingsTest {

    @Test
    void lifetimeIsAnIsoDurationAndFallsBackToNinetyDays() {
        assertEquals(Duration.ofDays(90), RosterSettings.lifetime(null));
        assertEquals(Duration.ofDays(90), RosterSettings.lifetime(" "));
        assertEquals(Duration.ofDays(30), RosterSettings.lifetime("P30D"));
        assertEquals(Duration.ofSeconds(3), RosterSettings.lifetime("PT3S"));
        assertEquals(Duration.ofDays(90), RosterSettings.lifetime("90"), "not a duration");
        assertEquals(Duration.ofDays(90), RosterSettings.lifetime("-P1D"), "negative");
        assertEquals(Duration.ofDays(90), RosterSettings.lifetime("PT0S"), "zero");
    }

    @Test
    void recordsSurviveTheJobStore() {
        RosterRecord record = new RosterRecord("1", "2", "01", "山田", "太郎", "ヤマダ", "", java.time.LocalDate.of(1979, 8, 22),
                null, java.time.LocalDate.of(2024, 3, 31));
        assertEquals(record, RosterRecord.decode(record.encode()));
    }
}
