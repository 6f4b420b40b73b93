package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.SingleUseObjectProvider;

class HourlyLimitTest {

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

    @Test
    @DisplayName("exactly `limit` requests per key pass, then every further one is refused")
    void limit() {
        HourlyLimit limit = new HourlyLimit(new MemoryStore());
        for (int i = 0; i < 5; i++) {
            assertTrue(limit.tryAcquire("realm:address:taro@example.com", 5), "request " + (i + 1));
        }
        assertFalse(limit.tryAcquire("realm:address:taro@example.com", 5));
        assertFalse(limit.tryAcquire("realm:address:taro@example.com", 5));
        assertTrue(limit.tryAcquire("realm:address:hanako@example.com", 5), "other keys have their own slots");
    }

    @Test
    @DisplayName("a limit of 0 is no limit")
    void off() {
        HourlyLimit limit = new HourlyLimit(new MemoryStore());
        for (int i = 0; i < 100; i++) {
            assertTrue(limit.tryAcquire("k", 0));
        }
    }

    @Test
    @DisplayName("the store never holds the address as text")
    void hashed() {
        MemoryStore store = new MemoryStore();
        new HourlyLimit(store).tryAcquire("realm:address:taro@example.com", 5);
        assertTrue(store.entries.keySet().stream().noneMatch(k -> k.contains("taro")));
    }
}
