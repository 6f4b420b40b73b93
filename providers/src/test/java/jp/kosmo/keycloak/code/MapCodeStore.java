package jp.kosmo.keycloak.code;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link CodeStore} for unit tests: atomic put-if-absent, no expiry (the engine never relies on it). */
final class MapCodeStore implements CodeStore {

    final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        return entries.putIfAbsent(key, Map.of()) == null;
    }

    @Override
    public Map<String, String> get(String key) {
        return entries.get(key);
    }

    @Override
    public void put(String key, long lifespanSeconds, Map<String, String> value) {
        entries.put(key, new HashMap<>(value));
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }
}
