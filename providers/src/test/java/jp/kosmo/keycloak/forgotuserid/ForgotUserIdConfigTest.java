package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class ForgotUserIdConfigTest {

    @Test
    @DisplayName("no configuration: off, birthdate required, 5 per address and 20 per IP an hour")
    void defaults() {
        assertEquals(new ForgotUserIdConfig(false, true, 5, 20), ForgotUserIdConfig.of((AuthenticatorConfigModel) null));
    }

    @Test
    @DisplayName("reads every setting")
    void reads() {
        assertEquals(new ForgotUserIdConfig(true, false, 3, 0), ForgotUserIdConfig.of(Map.of(
                ForgotUserIdConfigProperties.ENABLED, "true",
                ForgotUserIdConfigProperties.BIRTHDATE_REQUIRED, "false",
                ForgotUserIdConfigProperties.PER_ADDRESS_PER_HOUR, "3",
                ForgotUserIdConfigProperties.PER_IP_PER_HOUR, "0")));
    }

    @Test
    @DisplayName("limits that are not numbers get the default; negative ones are 0, huge ones are cut")
    void limits() {
        assertEquals(new ForgotUserIdConfig(false, true, 5, 0), ForgotUserIdConfig.of(Map.of(
                ForgotUserIdConfigProperties.PER_ADDRESS_PER_HOUR, "five",
                ForgotUserIdConfigProperties.PER_IP_PER_HOUR, "-3")));
        assertEquals(ForgotUserIdConfigProperties.MAX_PER_HOUR, ForgotUserIdConfig.of(Map.of(
                ForgotUserIdConfigProperties.PER_IP_PER_HOUR, "99999999")).perIpPerHour());
    }
}
