package jp.kosmo.keycloak.portal;

import com.nimbusds.jwt.JWT;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import java.util.List;

/**
 * What the portal shows of a validated ID token: the member's name (family and given name, else {@code name}, else
 * {@code preferred_username}), the user ID, how this sign-in was made ({@code amr}, from the client's AMR mapper;
 * {@code acr}) and the sign-in method the member chose ({@code kosmo_auth_method}, mapped from the attribute
 * {@code kosmoAuthMethod}).
 */
final class MemberClaims {

    static final String CHOSEN_METHOD_CLAIM = "kosmo_auth_method";

    private MemberClaims() {
    }

    static PortalSessions.Member member(IDTokenClaimsSet claims, JWT idToken) {
        String userId = claims.getStringClaim("preferred_username");
        // family name first, as the union writes its members' names (Keycloak's "name" is given + family)
        String family = claims.getStringClaim("family_name");
        String given = claims.getStringClaim("given_name");
        String name = (blank(family) ? "" : family) + (blank(family) || blank(given) ? "" : " ") + (blank(given) ? "" : given);
        if (blank(name)) {
            name = claims.getStringClaim("name");
        }
        if (blank(name)) {
            name = userId == null ? claims.getSubject().getValue() : userId;
        }
        List<AMR> amr = claims.getAMR();
        List<String> methods = amr == null ? List.of() : amr.stream().map(AMR::getValue).toList();
        String acr = claims.getACR() == null ? null : claims.getACR().getValue();
        return new PortalSessions.Member(name, userId, methods, acr, claims.getStringClaim(CHOSEN_METHOD_CLAIM), idToken,
                claims.getSubject().getValue(), claims.getSessionID() == null ? null : claims.getSessionID().getValue());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
