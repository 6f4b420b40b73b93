package jp.kosmo.keycloak.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.keycloak.common.util.Time;

/**
 * Keycloak's own clock ({@link Time#currentTimeMillis()}, so the time offset Keycloak's tests set moves it too) as a
 * {@link Clock} in UTC. The one clock of our providers: factories hand {@link #INSTANCE} to what they create, unit tests
 * a fixed clock. Calendar dates come from {@link MembersZone}, never from the JVM's default zone.
 */
public final class KeycloakClock extends Clock {

    public static final Clock INSTANCE = new KeycloakClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private KeycloakClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new KeycloakClock(zone);
    }

    @Override
    public long millis() {
        return Time.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public String toString() {
        return "KeycloakClock[" + zone + "]";
    }
}
