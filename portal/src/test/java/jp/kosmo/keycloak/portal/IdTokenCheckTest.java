package jp.kosmo.keycloak.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The portal accepts only the realm's own, fresh ID tokens for this client and this login. */
class IdTokenCheckTest {

    private static final String ISSUER = "http://localhost:8080/realms/kosmo";
    private static final String CLIENT = "kosmo-portal";
    private static final Nonce NONCE = new Nonce("the-nonce-of-this-login");

    private static RSAKey realmKey;
    private static RSAKey forgerKey;
    private static IdTokenCheck check;

    @BeforeAll
    static void keys() throws JOSEException {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        // the forger uses the realm's key id, so only the signature tells the tokens apart
        forgerKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        check = new IdTokenCheck(new Issuer(ISSUER), new ClientID(CLIENT),
                new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())));
    }

    @Test
    void acceptsTheRealmsTokenAndReadsTheMember() throws JOSEException {
        SignedJWT token = signed(realmKey, b -> b.claim("name", "山田 太郎").claim("amr", java.util.List.of("pwd"))
                .claim("kosmo_auth_method", "email-otp"));
        PortalSessions.Member member = MemberClaims.member(check.validate(token, NONCE), token);
        assertEquals("山田 太郎", member.name());
        assertEquals(java.util.List.of("pwd"), member.amr());
        assertEquals("email-otp", member.chosenMethod());
    }

    @Test
    void refusesAForgedSignature() throws JOSEException {
        assertRefused(signed(forgerKey, UnaryOperator.identity()));
    }

    @Test
    void refusesAnUnsignedToken() {
        assertThrows(IdTokenCheck.InvalidIdToken.class, () -> check.validate(new PlainJWT(claims(UnaryOperator.identity())), NONCE));
    }

    @Test
    void refusesAnExpiredToken() throws JOSEException {
        Instant past = Instant.now().minus(Duration.ofMinutes(30));
        assertRefused(signed(realmKey, b -> b.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300)))));
    }

    @Test
    void refusesAnotherClientsToken() throws JOSEException {
        assertRefused(signed(realmKey, b -> b.audience("account")));
    }

    @Test
    void refusesAnotherIssuer() throws JOSEException {
        assertRefused(signed(realmKey, b -> b.issuer("http://localhost:8080/realms/master")));
    }

    @Test
    void refusesAnotherLoginsNonce() throws JOSEException {
        assertRefused(signed(realmKey, b -> b.claim("nonce", "another-login")));
    }

    @Test
    void refusesATokenWithoutNonce() throws JOSEException {
        assertRefused(signed(realmKey, b -> b.claim("nonce", null)));
    }

    @Test
    void refusesATokenIssuedInTheFuture() throws JOSEException {
        Instant later = Instant.now().plus(Duration.ofHours(3));
        assertRefused(signed(realmKey, b -> b.issueTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(300)))));
    }

    @Test
    void refusesATokenMacedWithThePublicKey() throws JOSEException {
        // algorithm confusion: HS256 keyed with the realm's public key bytes
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("realm").build(),
                claims(UnaryOperator.identity()));
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(java.util.Arrays.copyOf(realmKey.toPublicKey().getEncoded(), 64)));
        assertRefused(jwt);
    }

    /** The integration tests move the server's clock; the portal then judges token times by that clock. */
    @Nested
    class OnAClockThreeHoursAhead {

        private final Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(3));
        private final IdTokenCheck onAhead = new IdTokenCheck(new Issuer(ISSUER), new ClientID(CLIENT),
                new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK())), ahead);

        @Test
        void acceptsATokenIssuedByThatClock() throws JOSEException {
            Instant now = ahead.instant();
            SignedJWT token = signed(realmKey, b -> b.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))));
            assertDoesNotThrow(() -> onAhead.validate(token, NONCE));
        }

        @Test
        void refusesATokenExpiredByThatClock() throws JOSEException {
            // fresh by the system clock, expired three hours ago by the moved one
            assertThrows(IdTokenCheck.InvalidIdToken.class, () -> onAhead.validate(signed(realmKey, UnaryOperator.identity()), NONCE));
        }

        @Test
        void stillRefusesAForgedSignature() throws JOSEException {
            Instant now = ahead.instant();
            SignedJWT token = signed(forgerKey, b -> b.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))));
            assertThrows(IdTokenCheck.InvalidIdToken.class, () -> onAhead.validate(token, NONCE));
        }
    }

    private static void assertRefused(SignedJWT token) {
        assertThrows(IdTokenCheck.InvalidIdToken.class, () -> check.validate(token, NONCE));
    }

    private static SignedJWT signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims(change));
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("a1b2c3")
                .audience(CLIENT)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", NONCE.getValue())
                .claim("preferred_username", "testuser01");
        return change.apply(builder).build();
    }
}
