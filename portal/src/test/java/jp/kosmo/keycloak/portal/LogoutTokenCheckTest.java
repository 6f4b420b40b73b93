package jp.kosmo.keycloak.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Only the realm's own back-channel logout tokens for this client end portal sessions. */
class LogoutTokenCheckTest {

    private static final String ISSUER = "http://localhost:8080/realms/kosmo";
    private static final String CLIENT = "kosmo-portal";
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static RSAKey realmKey;
    private static RSAKey forgerKey;
    private static LogoutTokenCheck check;

    @BeforeAll
    static void keys() throws JOSEException {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        forgerKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        check = new LogoutTokenCheck(new Issuer(ISSUER), new ClientID(CLIENT),
                new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())), Clock.systemUTC());
    }

    @Test
    void acceptsTheRealmsLogoutTokenAndNamesTheSession() throws JOSEException {
        LogoutTokenClaimsSet claims = check.validate(signed(realmKey, new JOSEObjectType("logout+jwt"), UnaryOperator.identity()));
        assertEquals("sid-1", claims.getSessionID().getValue());
        assertEquals("a1b2c3", claims.getSubject().getValue());
    }

    @Test
    void acceptsAPlainJwtType() throws JOSEException {
        assertEquals("sid-1", check.validate(signed(realmKey, JOSEObjectType.JWT, UnaryOperator.identity())).getSessionID().getValue());
    }

    @Test
    void refusesAForgedSignature() throws JOSEException {
        assertRefused(signed(forgerKey, JOSEObjectType.JWT, UnaryOperator.identity()));
    }

    @Test
    void refusesAnotherClientsToken() throws JOSEException {
        assertRefused(signed(realmKey, JOSEObjectType.JWT, b -> b.audience("account")));
    }

    @Test
    void refusesAnIdTokenInItsPlace() throws JOSEException {
        // an ID token has a nonce and no logout event
        assertRefused(signed(realmKey, JOSEObjectType.JWT, b -> b.claim("events", null).claim("nonce", "n")));
    }

    @Test
    void refusesAnExpiredToken() throws JOSEException {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRefused(signed(realmKey, JOSEObjectType.JWT, b -> b.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60)))));
    }

    @Test
    void refusesATokenNamingNeitherSessionNorMember() throws JOSEException {
        assertRefused(signed(realmKey, JOSEObjectType.JWT, b -> b.subject(null).claim("sid", null)));
    }

    private static void assertRefused(SignedJWT token) {
        assertThrows(IdTokenCheck.InvalidIdToken.class, () -> check.validate(token));
    }

    private static SignedJWT signed(RSAKey key, JOSEObjectType type, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("a1b2c3")
                .audience(CLIENT)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("sid", "sid-1")
                .claim("events", Map.of(EVENT, Map.of()));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
                change.apply(builder).build());
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }
}
