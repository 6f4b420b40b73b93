package jp.kosmo.keycloak.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jp.kosmo.keycloak.birthdate.BirthdateInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

class MembersZoneTest {

    /** 2026-04-01 00:30 in Tokyo, still 2026-03-31 in UTC. */
    private static final Clock TOKYO_AFTER_MIDNIGHT = Clock.fixed(Instant.parse("2026-03-31T15:30:00Z"), ZoneOffset.UTC);
    /** 2026-04-01 05:00 in UTC, still 2026-03-31 in Honolulu. */
    private static final Clock UTC_EARLY_MORNING = Clock.fixed(Instant.parse("2026-04-01T05:00:00Z"), ZoneOffset.UTC);

    @Nested
    @DisplayName("the realm's setting")
    class Setting {

        @Test
        @DisplayName("not set or blank: Asia/Tokyo")
        void defaultZone() {
            assertEquals(ZoneId.of("Asia/Tokyo"), MembersZone.of((String) null).zone());
            assertEquals(ZoneId.of("Asia/Tokyo"), MembersZone.of("  ").zone());
        }

        @Test
        @DisplayName("a zone id or an offset is used as it is")
        void read() {
            assertEquals(ZoneId.of("Pacific/Honolulu"), MembersZone.of(" Pacific/Honolulu ").zone());
            assertEquals(ZoneOffset.ofHours(9), MembersZone.of("+09:00").zone());
        }

        @Test
        @DisplayName("an unusable value counts as not set, never as the JVM's zone")
        void unusable() {
            assertEquals(MembersZone.DEFAULT, MembersZone.of("Asia/Tokio"));
            assertEquals(MembersZone.DEFAULT, MembersZone.of("+25:00"));
        }
    }

    @Nested
    @DisplayName("today")
    class Today {

        @Test
        @DisplayName("just after midnight in Tokyo it is already the next day, while UTC still says yesterday")
        void tokyoAheadOfUtc() {
            assertEquals(LocalDate.of(2026, 4, 1), MembersZone.DEFAULT.today(TOKYO_AFTER_MIDNIGHT));
            assertEquals(LocalDate.of(2026, 3, 31), LocalDate.now(TOKYO_AFTER_MIDNIGHT), "the clock itself is in UTC");
        }

        @Test
        @DisplayName("a zone behind UTC is still on the previous day")
        void honoluluBehindUtc() {
            assertEquals(LocalDate.of(2026, 3, 31), MembersZone.of("Pacific/Honolulu").today(UTC_EARLY_MORNING));
            assertEquals(LocalDate.of(2026, 4, 1), MembersZone.DEFAULT.today(UTC_EARLY_MORNING));
        }

        @Test
        @DisplayName("a birthdate that is today in Tokyo (tomorrow in UTC) is not in the future")
        void birthdateToday() {
            BirthdateInput.Result tokyo = BirthdateInput.parse("20260401", MembersZone.DEFAULT.today(TOKYO_AFTER_MIDNIGHT));
            assertTrue(tokyo.isValid());
            BirthdateInput.Result utc = BirthdateInput.parse("20260401", LocalDate.now(TOKYO_AFTER_MIDNIGHT));
            assertEquals(BirthdateInput.Problem.IN_FUTURE, utc.problem(), "what the UTC calendar would have said");
        }

        @Test
        @DisplayName("a birthdate that is today in UTC is tomorrow, so in the future, in Honolulu")
        void birthdateTomorrow() {
            LocalDate today = MembersZone.of("Pacific/Honolulu").today(UTC_EARLY_MORNING);
            assertEquals(BirthdateInput.Problem.IN_FUTURE, BirthdateInput.parse("2026-04-01", today).problem());
            assertTrue(BirthdateInput.parse("2026-03-31", today).isValid());
        }
    }

    @Nested
    @DisplayName("wall-clock times in mails")
    class WallClock {

        @Test
        @DisplayName("are given in the members' zone")
        void at() {
            assertEquals("2026-04-01T00:30+09:00[Asia/Tokyo]",
                    MembersZone.DEFAULT.at(Instant.parse("2026-03-31T15:30:00Z")).toString());
        }
    }

    @Nested
    @DisplayName("Keycloak's clock")
    class KeycloakTime {

        @AfterEach
        void resetOffset() {
            Time.setOffset(0);
        }

        @Test
        @DisplayName("follows Keycloak's time offset, in UTC")
        void offset() {
            Clock clock = KeycloakClock.INSTANCE;
            assertEquals(ZoneOffset.UTC, clock.getZone());
            long before = clock.millis();
            Time.setOffset(86_400);
            long after = clock.millis();
            assertTrue(after - before >= 86_400_000L && after - before < 86_460_000L, (after - before) + " ms");
            assertEquals(after / 1000, clock.instant().getEpochSecond(), 1);
        }

        @Test
        @DisplayName("keeps following it in another zone")
        void withZone() {
            Clock tokyo = KeycloakClock.INSTANCE.withZone(MembersZone.DEFAULT_ZONE);
            assertEquals(MembersZone.DEFAULT_ZONE, tokyo.getZone());
            assertFalse(tokyo == KeycloakClock.INSTANCE);
            Time.setOffset(-86_400);
            assertTrue(tokyo.millis() < System.currentTimeMillis() - 86_000_000L);
        }
    }
}
