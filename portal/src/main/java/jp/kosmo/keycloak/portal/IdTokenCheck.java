package jp.kosmo.keycloak.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenClaimsVerifier;

import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Validates an ID token as OpenID Connect Core 3.1.3.7 asks, with Nimbus: the signature against the realm's keys
 * (RS256, the realm's default; unsigned and encrypted tokens are refused), then Nimbus' {@link IDTokenClaimsVerifier}
 * for the issuer, the audience and authorized party (our client), expiry and issue time ({@value #MAX_CLOCK_SKEW_SECONDS}
 * seconds of clock skew) and the nonce of this login. Anything else is refused.
 *
 * <p>Expiry and issue time are judged by the portal's {@link Clock}. Nimbus' verifier reads the system clock, so for
 * any other clock the two time claims are handed to it moved by that clock's distance from the system clock (zero for
 * {@link Clock#systemUTC()}, the portal's own); the integration tests pass the clock they move the server's by.
 */
public final class IdTokenCheck {

    /** Keycloak signs ID tokens with RS256 unless a client asks for another algorithm; ours does not. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);
    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final Issuer issuer;
    private final ClientID clientId;
    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final Clock clock;

    public IdTokenCheck(Issuer issuer, ClientID clientId, JWKSource<SecurityContext> keys) {
        this(issuer, clientId, keys, Clock.systemUTC());
    }

    public IdTokenCheck(Issuer issuer, ClientID clientId, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = new JWSVerificationKeySelector<>(ALGORITHMS, keys);
        this.clock = clock;
    }

    /** @throws InvalidIdToken when the token fails any check */
    public IDTokenClaimsSet validate(JWT idToken, Nonce expectedNonce) {
        if (expectedNonce == null) {
            throw new InvalidIdToken("no nonce was sent for this login");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys);
        processor.setJWTClaimsSetVerifier(new OnClock(
                new IDTokenClaimsVerifier(issuer, clientId, expectedNonce, MAX_CLOCK_SKEW_SECONDS), clock));
        try {
            return new IDTokenClaimsSet(processor.process(idToken, null));
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw new InvalidIdToken(reason(e));
        }
    }

    /** Hands the claims to {@code verifier} as the system clock would see them if it showed {@code clock}'s time. */
    private record OnClock(JWTClaimsSetVerifier<SecurityContext> verifier, Clock clock)
            implements JWTClaimsSetVerifier<SecurityContext> {

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            long ahead = clock.millis() - System.currentTimeMillis();
            if (ahead == 0) {
                verifier.verify(claims, context);
                return;
            }
            verifier.verify(new JWTClaimsSet.Builder(claims)
                    .expirationTime(moved(claims.getExpirationTime(), ahead))
                    .issueTime(moved(claims.getIssueTime(), ahead))
                    .build(), context);
        }

        private static Date moved(Date time, long ahead) {
            return time == null ? null : new Date(time.getTime() - ahead);
        }
    }

    /** What the log says of a refusal: some of Nimbus' exceptions (a rate-limited key refetch) carry no message. */
    static String reason(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The ID token was refused; the message is for the log, never for the member's page. */
    public static final class InvalidIdToken extends RuntimeException {
        InvalidIdToken(String message) {
            super(message);
        }
    }
}
