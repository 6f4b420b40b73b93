package jp.kosmo.keycloak.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * The time zone of a realm's members: the realm attribute {@value #ATTRIBUTE} (an IANA zone id such as
 * {@code Asia/Tokyo}, or an offset such as {@code +09:00}), {@code Asia/Tokyo} when it is not set. "Today" for a
 * birthdate and the clock times in mails are read in this zone, never in the JVM's default zone. An unusable value
 * counts as not set (and is logged), so a typo cannot move members' dates to the server's zone.
 */
public record MembersZone(ZoneId zone) {

    /** Realm attribute holding the zone id. */
    public static final String ATTRIBUTE = "kosmo.zone";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");
    public static final MembersZone DEFAULT = new MembersZone(DEFAULT_ZONE);

    private static final Logger LOG = Logger.getLogger(MembersZone.class);

    public MembersZone {
        Objects.requireNonNull(zone, "zone");
    }

    public static MembersZone of(RealmModel realm) {
        return of(realm.getAttribute(ATTRIBUTE));
    }

    static MembersZone of(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return new MembersZone(ZoneId.of(value.trim()));
        } catch (DateTimeException e) {
            LOG.warnf("Realm attribute %s has an unusable zone id '%s'; using %s", ATTRIBUTE, value, DEFAULT_ZONE);
            return DEFAULT;
        }
    }

    /** The members' calendar date at the clock's instant. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** An instant as the members' wall-clock time. */
    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }
}
