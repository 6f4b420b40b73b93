package jp.kosmo.keycloak.portal;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The portal's side of OpenID Connect with the Nimbus OIDC SDK: the authorization code flow with PKCE (S256), state
 * and nonce, the code exchange as a public client, the ID token check ({@link IdTokenCheck}) and RP-initiated logout.
 * The realm's endpoints come from its discovery document, fetched at the first login (Keycloak may start after us).
 */
final class OidcLogin {

    private static final int TIMEOUT_MS = 10_000;

    private final PortalConfig config;
    private final Issuer issuer;
    private final ClientID clientId;
    private final Clock clock;
    private volatile Provider provider;

    private record Provider(OIDCProviderMetadata metadata, IdTokenCheck check, LogoutTokenCheck logoutCheck) {
    }

    OidcLogin(PortalConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.issuer = new Issuer(config.issuer());
        this.clientId = new ClientID(config.clientId());
    }

    /** The login a browser is sent to, and what the callback must find. */
    record Start(URI authorizationUrl, PortalSessions.Pending pending) {
    }

    Start start(String language) throws IOException {
        Provider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"),
                clientId, config.callbackUrl())
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .uiLocales(List.of(langTag(language)))
                .build();
        return new Start(request.toURI(), new PortalSessions.Pending(state, nonce, verifier, language));
    }

    /**
     * Checks Keycloak's answer on the callback against the pending login, exchanges the code and validates the ID
     * token.
     *
     * @throws LoginFailed for any answer that is not a good login
     */
    PortalSessions.Member finish(URI callbackRequest, PortalSessions.Pending pending) throws IOException {
        Provider p = provider();
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(callbackRequest);
        } catch (ParseException e) {
            throw new LoginFailed("unparsable authorization response: " + e.getMessage());
        }
        if (pending == null || !pending.state().equals(response.getState())) {
            throw new LoginFailed("state does not match a login of this session");
        }
        if (response instanceof AuthorizationErrorResponse error) {
            throw new LoginFailed("authorization error: " + error.getErrorObject().getCode());
        }
        AuthorizationCode code = ((AuthorizationSuccessResponse) response).getAuthorizationCode();
        TokenRequest tokenRequest = new TokenRequest.Builder(p.metadata().getTokenEndpointURI(), clientId,
                new AuthorizationCodeGrant(code, config.callbackUrl(), pending.verifier())).build();
        HTTPRequest http = tokenRequest.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MS);
        http.setReadTimeout(TIMEOUT_MS);
        TokenResponse tokenResponse;
        try {
            tokenResponse = OIDCTokenResponseParser.parse(http.send());
        } catch (ParseException e) {
            throw new LoginFailed("unparsable token response: " + e.getMessage());
        }
        if (!tokenResponse.indicatesSuccess()) {
            throw new LoginFailed("token error: " + ((TokenErrorResponse) tokenResponse).getErrorObject().getCode());
        }
        JWT idToken = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new LoginFailed("no ID token");
        }
        IDTokenClaimsSet claims;
        try {
            claims = p.check().validate(idToken, pending.nonce());
        } catch (IdTokenCheck.InvalidIdToken e) {
            throw new LoginFailed("ID token refused: " + e.getMessage());
        }
        return MemberClaims.member(claims, idToken);
    }

    /**
     * A back-channel logout from Keycloak: the validated logout token's claims.
     *
     * @throws LoginFailed when the token is not the realm's logout token for us
     */
    LogoutTokenClaimsSet backchannelLogout(String logoutToken) throws IOException {
        if (logoutToken == null || logoutToken.isBlank()) {
            throw new LoginFailed("back-channel logout without logout_token");
        }
        try {
            return provider().logoutCheck().validate(JWTParser.parse(logoutToken));
        } catch (java.text.ParseException e) {
            throw new LoginFailed("unparsable logout token: " + e.getMessage());
        } catch (IdTokenCheck.InvalidIdToken e) {
            throw new LoginFailed(e.getMessage());
        }
    }

    /** RP-initiated logout: Keycloak's end_session_endpoint with the ID token as hint. */
    URI logoutUrl(PortalSessions.Member member, String language) throws IOException {
        Provider p = provider();
        URI endSession = p.metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            throw new IOException("the realm announces no end_session_endpoint");
        }
        return new LogoutRequest(endSession, member.idToken(), config.signedOutUrl(language), new State()).toURI();
    }

    private Provider provider() throws IOException {
        Provider p = provider;
        if (p == null) {
            synchronized (this) {
                p = provider;
                if (p == null) {
                    OIDCProviderMetadata metadata;
                    try {
                        metadata = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
                    } catch (GeneralException e) {
                        throw new IOException("discovery of " + issuer + " failed: " + e.getMessage(), e);
                    }
                    JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build();
                    p = new Provider(metadata, new IdTokenCheck(issuer, clientId, keys, clock),
                            new LogoutTokenCheck(issuer, clientId, keys, clock));
                    provider = p;
                }
            }
        }
        return p;
    }

    private static LangTag langTag(String language) {
        try {
            return new LangTag(language);
        } catch (LangTagException e) {
            throw new IllegalArgumentException(language, e);
        }
    }

    /** A login that did not end in a validated ID token; the message is for the log only. */
    static final class LoginFailed extends RuntimeException {
        LoginFailed(String message) {
            super(message);
        }
    }
}
