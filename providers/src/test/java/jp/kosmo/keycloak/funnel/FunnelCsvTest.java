package jp.kosmo.keycloak.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FunnelCsvTest {

    @Test
    @DisplayName("the terms export's form: BOM, header, CRLF; a name that looks like a formula is defused")
    void layout() {
        String csv = FunnelCsv.render(FunnelStep.TERMS_ACCEPTED, List.of(
                new StuckMember("id-1", "k7pq2mxr", "山田 太郎", true, Instant.parse("2026-12-01T01:02:03Z")),
                new StuckMember("id-2", "a3bc4def", "=HYPERLINK(\"x\")", false, null)));
        assertEquals("\uFEFFusername,user_id,name,enabled,step,since_utc\r\n"
                + "k7pq2mxr,id-1,山田 太郎,true,terms-accepted,2026-12-01T01:02:03Z\r\n"
                + "a3bc4def,id-2,\"'=HYPERLINK(\"\"x\"\")\",false,terms-accepted,\r\n", csv);
    }
}
