package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ForgotUserIdResourceProviderFactoryTest {

    @Nested
    @DisplayName("server option max-pending")
    class MaxPending {

        @Test
        @DisplayName("not set: 1000")
        void unset() {
            assertEquals(1000, ForgotUserIdResourceProviderFactory.maxPending(null));
        }

        @Test
        @DisplayName("set: taken as it is")
        void set() {
            assertEquals(50, ForgotUserIdResourceProviderFactory.maxPending(50));
        }

        @Test
        @DisplayName("0 or negative: the default, never an unbounded or a closed queue")
        void belowOne() {
            assertEquals(1000, ForgotUserIdResourceProviderFactory.maxPending(0));
            assertEquals(1000, ForgotUserIdResourceProviderFactory.maxPending(-5));
        }
    }
}
