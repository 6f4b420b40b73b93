package jp.kosmo.keycloak.code;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * The few operations of Keycloak's cluster-wide single-use store that the code engine needs: an atomic
 * "put if absent" (the only thing that is race-free across requests and nodes) and plain entries. An interface so the
 * rules can be unit-tested against a map.
 */
public interface CodeStore {

    /** Atomically claims {@code key} for {@code lifespanSeconds}; false when somebody holds it already. */
    boolean putIfAbsent(String key, long lifespanSeconds);

    Map<String, String> get(String key);

    void put(String key, long lifespanSeconds, Map<String, String> value);

    void remove(String key);

    /** The store of the running Keycloak (Infinispan, replicated across the cluster). */
    static CodeStore of(KeycloakSession session) {
        SingleUseObjectProvider store = session.singleUseObjects();
        return new CodeStore() {
            @Override
            public boolean putIfAbsent(String key, long lifespanSeconds) {
                return store.putIfAbsent(key, lifespanSeconds);
            }

            @Override
            public Map<String, String> get(String key) {
                return store.get(key);
            }

            @Override
            public void put(String key, long lifespanSeconds, Map<String, String> value) {
                store.put(key, lifespanSeconds, value);
            }

            @Override
            public void remove(String key) {
                store.remove(key);
            }
        };
    }
}
