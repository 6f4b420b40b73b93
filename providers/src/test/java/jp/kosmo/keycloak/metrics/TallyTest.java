package jp.kosmo.keycloak.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TallyTest {

    @Nested
    @DisplayName("tag values")
    class Values {

        @Test
        @DisplayName("are the enum constants in lower case")
        void lowerCase() {
            assertEquals(List.of("email_verified"), Tally.step(Tags.Step.EMAIL_VERIFIED).tagValues());
            assertEquals(List.of("email_code", "failed"),
                    Tally.mail(Tags.Mail.EMAIL_CODE, Tags.MailOutcome.FAILED).tagValues());
        }

        @Test
        @DisplayName("must be of the counter's tag enums, in order and all of them")
        void typed() {
            assertThrows(IllegalArgumentException.class, () -> Tally.of(KosmoCounter.MAILS, Tags.MailOutcome.SENT, Tags.Mail.NOTICE));
            assertThrows(IllegalArgumentException.class, () -> Tally.of(KosmoCounter.MAILS, Tags.Mail.NOTICE));
            assertThrows(IllegalArgumentException.class, () -> Tally.of(KosmoCounter.ONBOARDING_STEPS, Tags.Page.LOGIN));
        }
    }

    @Nested
    @DisplayName("counter names")
    class Names {

        @Test
        @DisplayName("all start with kosmo., are distinct, and show in Prometheus as kosmo_…_total")
        void names() {
            Set<String> seen = new HashSet<>();
            for (KosmoCounter counter : KosmoCounter.values()) {
                assertTrue(counter.meterName().startsWith("kosmo."), counter.meterName());
                assertTrue(seen.add(counter.meterName()), counter.meterName());
                assertTrue(counter.prometheusName().matches("kosmo_[a-z_]+_total"), counter.prometheusName());
            }
            assertEquals("kosmo_onboarding_steps_total", KosmoCounter.ONBOARDING_STEPS.prometheusName());
        }

        @Test
        @DisplayName("no tag key is realm twice or names member data")
        void tagKeys() {
            for (KosmoCounter counter : KosmoCounter.values()) {
                for (KosmoCounter.TagKey tag : counter.tags()) {
                    assertTrue(Set.of("step", "method", "context", "mail", "outcome", "code", "page", "kind", "by")
                            .contains(tag.key()), counter + ": " + tag.key());
                }
            }
        }
    }
}
