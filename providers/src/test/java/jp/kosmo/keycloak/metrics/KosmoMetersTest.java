package jp.kosmo.keycloak.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KosmoMetersTest {

    @Test
    @DisplayName("one counter per name and tag values, tagged with the realm's name; increments add up")
    void counts() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KosmoMeters meters = new KosmoMeters(registry);
        meters.count("kosmo", Tally.mail(Tags.Mail.EMAIL_CODE, Tags.MailOutcome.SENT));
        meters.count("kosmo", Tally.mail(Tags.Mail.EMAIL_CODE, Tags.MailOutcome.SENT));
        meters.count("kosmo", Tally.mail(Tags.Mail.EMAIL_CODE, Tags.MailOutcome.FAILED));
        meters.count("other", Tally.mail(Tags.Mail.EMAIL_CODE, Tags.MailOutcome.SENT));

        Counter sent = registry.get("kosmo.mails").tags("realm", "kosmo", "mail", "email_code", "outcome", "sent").counter();
        assertEquals(2.0, sent.count());
        assertEquals(1.0, registry.get("kosmo.mails").tags("realm", "kosmo", "outcome", "failed").counter().count());
        assertEquals(1.0, registry.get("kosmo.mails").tags("realm", "other").counter().count());
        assertEquals(3, registry.get("kosmo.mails").counters().size());
    }

    @Test
    @DisplayName("an event without a realm name is counted with an empty realm tag")
    void noRealm() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new KosmoMeters(registry).count(null, Tally.step(Tags.Step.TERMS));
        assertEquals(1.0, registry.get("kosmo.onboarding.steps").tags("realm", "", "step", "terms").counter().count());
    }
}
