package jp.kosmo.keycloak.portal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;

/**
 * Validates an ID token as OpenID Connect Core 3.1.3.7 asks, with Nimbus' {@link IDTokenValidator}: the signature
 * against the realm's keys (RS256, the realm's default), the issuer, the audience (our client), expiry and issue time
 * (one minute of clock skew) and the nonce of this login. Anything else is refused.
 */
public final class IdTokenCheck {

    /** Keycloak signs ID tokens with RS256 unless a client asks for another algorithm; ours does not. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);

    private final IDTokenValidator validator;

    public IdTokenCheck(Issuer issuer, ClientID clientId, JWKSource<SecurityContext> keys) {
        this.validator = new IDTokenValidator(issuer, clientId, new JWSVerificationKeySelector<>(ALGORITHMS, keys), null);
    }

    /** The realm's keys, fetched from its {@code jwks_uri} and cached (refetched when an unknown key id shows up). */
    public static IdTokenCheck forRealm(Issuer issuer, ClientID clientId, URI jwksUri) {
        try {
            return new IdTokenCheck(issuer, clientId, JWKSourceBuilder.create(jwksUri.toURL()).build());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad jwks_uri " + jwksUri, e);
        }
    }

    /** @throws InvalidIdToken when the token fails any check */
    public IDTokenClaimsSet validate(JWT idToken, Nonce expectedNonce) {
        if (expectedNonce == null) {
            throw new InvalidIdToken("no nonce was sent for this login");
        }
        try {
            return validator.validate(idToken, expectedNonce);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidIdToken(e.getMessage());
        }
    }

    /** The ID token was refused; the message is for the log, never for the member's page. */
    public static final class InvalidIdToken extends RuntimeException {
        InvalidIdToken(String message) {
            super(message);
        }
    }
}
