package jp.kosmo.keycloak.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunnelFilterTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    @DisplayName("no filter: every member of the realm but service accounts")
    void none() {
        FunnelFilter filter = FunnelFilter.parse("r1", " ", null, "", TOKYO);
        assertNull(filter.jobId());
        assertEquals("u.REALM_ID = :realmId AND u.SERVICE_ACCOUNT_CLIENT_LINK IS NULL", filter.where());
    }

    @Test
    @DisplayName("an import and a date range add their conditions; the key tells filters apart")
    void filtered() {
        FunnelFilter filter = FunnelFilter.parse("r1", "0b7c9a3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d", "2026-12-01", "2026-12-31", TOKYO);
        assertEquals(LocalDate.of(2026, 12, 1), filter.from());
        assertTrue(filter.where().contains("KOSMO_ROSTER_ROW j WHERE j.JOB_ID = :jobId"));
        assertTrue(filter.where().contains("u.CREATED_TIMESTAMP >= :createdFrom"));
        assertTrue(filter.where().contains("u.CREATED_TIMESTAMP < :createdBefore"));
        assertFalse(filter.key().equals(FunnelFilter.parse("r1", null, "2026-12-01", "2026-12-31", TOKYO).key()));
        assertFalse(filter.key().equals(FunnelFilter.parse("r2", "0b7c9a3e-1d2f-4a5b-8c6d-7e8f9a0b1c2d", "2026-12-01", "2026-12-31", TOKYO).key()));
    }

    @Test
    @DisplayName("bad values are refused with a message an admin can act on")
    void refused() {
        assertThrows(FunnelFilter.InvalidFilterException.class, () -> FunnelFilter.parse("r1", "x' OR 1=1", null, null, TOKYO));
        assertThrows(FunnelFilter.InvalidFilterException.class, () -> FunnelFilter.parse("r1", "a".repeat(37), null, null, TOKYO));
        assertEquals("'from' must be a date YYYY-MM-DD",
                assertThrows(FunnelFilter.InvalidFilterException.class, () -> FunnelFilter.parse("r1", null, "2026/12/01", null, TOKYO)).getMessage());
        assertEquals("'to' is before 'from'",
                assertThrows(FunnelFilter.InvalidFilterException.class, () -> FunnelFilter.parse("r1", null, "2026-12-02", "2026-12-01", TOKYO)).getMessage());
    }
}
