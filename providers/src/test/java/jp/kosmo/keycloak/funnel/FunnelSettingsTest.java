package jp.kosmo.keycloak.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunnelSettingsTest {

    @Test
    @DisplayName("30 s unless set; 0 to 600 accepted, anything else refused at start-up")
    void bounds() {
        assertEquals(30, FunnelSettings.of(null).cacheSeconds());
        assertEquals(0, new FunnelSettings(0).cacheSeconds());
        assertEquals(600, new FunnelSettings(600).cacheSeconds());
        assertThrows(IllegalArgumentException.class, () -> new FunnelSettings(-1));
        assertThrows(IllegalArgumentException.class, () -> new FunnelSettings(601));
    }
}
