package jp.kosmo.keycloak.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenClaimsVerifier;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;

import java.time.Clock;
import java.util.Date;

/**
 * Validates a back-channel logout token (OpenID Connect Back-Channel Logout 1.0, 2.6) with Nimbus: signed by the
 * realm (RS256), typed {@code logout+jwt} or plain {@code JWT}, and Nimbus' {@link LogoutTokenClaimsVerifier} for the
 * issuer, our client as audience, {@code iat}, {@code exp} and {@code jti}, the back-channel-logout event, a
 * {@code sub} or {@code sid}, and no {@code nonce}. Times are judged by the portal's {@link Clock}, as in
 * {@link IdTokenCheck}.
 */
final class LogoutTokenCheck {

    private final Issuer issuer;
    private final ClientID clientId;
    private final JWSVerificationKeySelector<SecurityContext> keys;
    private final Clock clock;

    LogoutTokenCheck(Issuer issuer, ClientID clientId, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.keys = new JWSVerificationKeySelector<>(IdTokenCheck.ALGORITHMS, keys);
        this.clock = clock;
    }

    /** @throws IdTokenCheck.InvalidIdToken when the token fails any check */
    LogoutTokenClaimsSet validate(JWT logoutToken) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(LogoutTokenValidator.TYPE, JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(keys);
        processor.setJWTClaimsSetVerifier(new OnClock(issuer, clientId, clock));
        try {
            return new LogoutTokenClaimsSet(processor.process(logoutToken, null));
        } catch (BadJOSEException | JOSEException | ParseException e) {
            throw new IdTokenCheck.InvalidIdToken("logout token: " + IdTokenCheck.reason(e));
        }
    }

    private static final class OnClock extends LogoutTokenClaimsVerifier {
        private final Clock clock;

        OnClock(Issuer issuer, ClientID clientId, Clock clock) {
            super(issuer, clientId);
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }
}
