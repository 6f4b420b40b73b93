package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class HourlyLimitTest {

    private static final String TARO = "kosmo-forgot-user-id:address:00112233445566778899aabbccddeeff";
    private static final String HANAKO = "kosmo-forgot-user-id:address:ffeeddccbbaa99887766554433221100";

    /** Keycloak's single-use store without expiry: enough to count slots. */
    private static final class MemoryStore implements SingleUseObjectProvider {
        final Map<String, Map<String, String>> entries = new HashMap<>();

        @Override
        public void put(String key, long lifespanSeconds, Map<String, String> notes) {
            entries.put(key, notes);
        }

        @Override
        public Map<String, String> get(String key) {
            return entries.get(key);
        }

        @Override
        public Map<String, String> remove(String key) {
            return entries.remove(key);
        }

        @Override
        public boolean replace(String key, Map<String, String> notes) {
            return entries.replace(key, notes) != null;
        }

        @Override
        public boolean putIfAbsent(String key, long lifespanInSeconds) {
            return entries.putIfAbsent(key, Map.of()) == null;
        }

        @Override
        public boolean contains(String key) {
            return entries.containsKey(key);
        }

        @Override
        public void close() {
        }
    }

    @Nested
    @DisplayName("counting")
    class Counting {

        @Test
        @DisplayName("exactly `limit` requests per counter pass, then every further one is refused")
        void limit() {
            HourlyLimit limit = new HourlyLimit(new MemoryStore());
            for (int i = 0; i < 5; i++) {
                assertTrue(limit.tryAcquire(TARO, 5).allowed(), "request " + (i + 1));
            }
            assertFalse(limit.tryAcquire(TARO, 5).allowed());
            assertFalse(limit.tryAcquire(TARO, 5).allowed());
            assertTrue(limit.tryAcquire(HANAKO, 5).allowed(), "other counters have their own slots");
        }

        @Test
        @DisplayName("a limit of 0 is no limit")
        void off() {
            HourlyLimit limit = new HourlyLimit(new MemoryStore());
            for (int i = 0; i < 100; i++) {
                assertEquals(HourlyLimit.Outcome.TAKEN, limit.tryAcquire("k", 0));
            }
        }
    }

    @Nested
    @DisplayName("a full counter")
    class Full {

        @Test
        @DisplayName("the first refused request is FILLED (it records the event), the next ones are only FULL")
        void filledOnce() {
            HourlyLimit limit = new HourlyLimit(new MemoryStore());
            limit.tryAcquire(TARO, 2);
            limit.tryAcquire(TARO, 2);
            assertEquals(HourlyLimit.Outcome.FILLED, limit.tryAcquire(TARO, 2));
            assertEquals(HourlyLimit.Outcome.FULL, limit.tryAcquire(TARO, 2));
            assertEquals(HourlyLimit.Outcome.FULL, limit.tryAcquire(TARO, 2));
        }

        @Test
        @DisplayName("once marked full, a request costs one look-up and takes nothing")
        void marker() {
            MemoryStore store = new MemoryStore();
            HourlyLimit limit = new HourlyLimit(store);
            limit.tryAcquire(TARO, 1);
            limit.tryAcquire(TARO, 1);
            int entries = store.entries.size();
            limit.tryAcquire(TARO, 1);
            assertEquals(entries, store.entries.size());
            assertTrue(store.entries.containsKey(TARO + ":full"));
        }
    }

    @Test
    @DisplayName("the store holds the counter's name and slot numbers only")
    void namesOnly() {
        MemoryStore store = new MemoryStore();
        new HourlyLimit(store).tryAcquire(TARO, 5);
        assertEquals(1, store.entries.size());
        assertTrue(store.entries.keySet().iterator().next().matches(TARO + ":[0-4]"));
    }
}
