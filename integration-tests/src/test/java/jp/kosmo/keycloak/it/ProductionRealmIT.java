package jp.kosmo.keycloak.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.kosmo.keycloak.it.support.KosmoServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * The production realm template (realm-export/kosmo-realm-production.json) imports into Keycloak 26.7.5, has no
 * members, carries the SMTP and frontend-URL placeholders (filled here as kc.sh --import-realm fills them from the
 * environment), and its flows, required actions, policies and user profile are those of the
 * demo realm as the server holds them after import, so the two files cannot drift apart.
 */
@KeycloakIntegrationTest(config = KosmoServerConfig.class)
class ProductionRealmIT {

    /** Both files name the realm {@code kosmo}; the template is imported under this name next to the demo one. */
    private static final String CHECK_REALM = "kosmo-production-check";

    /** The template's placeholders and the values the environment gives them at import. */
    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "${KOSMO_SMTP_HOST}", "smtp.kosmo.example",
            "${KOSMO_SMTP_PORT}", "587",
            "${KOSMO_SMTP_FROM}", "noreply@kosmo.example",
            "${KOSMO_FRONTEND_URL}", "https://kosmo.example");

    @InjectRealm(fromJson = "/kosmo-realm.json")
    ManagedRealm demo;

    @InjectAdminClient
    Keycloak adminClient;

    @AfterEach
    void removeImported() {
        if (adminClient.realms().findAll().stream().anyMatch(r -> CHECK_REALM.equals(r.getRealm()))) {
            adminClient.realm(CHECK_REALM).remove();
        }
    }

    @Test
    @DisplayName("the production template imports, has no users and the demo realm's flows, actions and policies")
    void importsWithoutUsersAndSameFlows() throws IOException {
        String json = read("/kosmo-realm-production.json");
        for (String placeholder : PLACEHOLDERS.keySet()) {
            assertTrue(json.contains(placeholder), placeholder);
        }
        // what kc.sh start --import-realm does with the environment (the from address must be valid to import)
        for (Map.Entry<String, String> value : PLACEHOLDERS.entrySet()) {
            json = json.replace(value.getKey(), value.getValue());
        }
        RealmRepresentation template = JsonSerialization.readValue(json, RealmRepresentation.class);
        assertNull(template.getUsers(), "the template must not hold users");
        assertEquals("kosmo", template.getRealm());

        template.setRealm(CHECK_REALM);
        template.setId(null);
        adminClient.realms().create(template);
        adminClient.tokenManager().invalidate(adminClient.tokenManager().getAccessTokenString());
        RealmResource production = adminClient.realm(CHECK_REALM);
        RealmResource demoRealm = demo.admin();

        assertEquals(0, production.users().count(), "no members after import");
        assertTrue(demoRealm.users().count() > 0, "the demo realm has its demo members");

        RealmRepresentation p = production.toRepresentation();
        RealmRepresentation d = demoRealm.toRepresentation();
        assertEquals("smtp.kosmo.example", p.getSmtpServer().get("host"));
        assertEquals("587", p.getSmtpServer().get("port"));
        assertEquals("noreply@kosmo.example", p.getSmtpServer().get("from"));
        assertEquals("https://kosmo.example", p.getAttributes().get("frontendUrl"));
        assertEquals(d.getPasswordPolicy(), p.getPasswordPolicy());
        assertEquals(d.getBrowserFlow(), p.getBrowserFlow());
        assertEquals(d.getResetCredentialsFlow(), p.getResetCredentialsFlow());
        assertEquals(d.getLoginTheme(), p.getLoginTheme());
        assertEquals(d.getEmailTheme(), p.getEmailTheme());
        assertEquals(d.getDefaultLocale(), p.getDefaultLocale());
        assertEquals(d.getSupportedLocales(), p.getSupportedLocales());
        assertEquals(new TreeMap<>(d.getBrowserSecurityHeaders()), new TreeMap<>(p.getBrowserSecurityHeaders()));
        assertTrue(p.getBrowserSecurityHeaders().get("contentSecurityPolicy").contains("base-uri 'self'"),
                "the template's own CSP, not Keycloak's default: " + p.getBrowserSecurityHeaders());
        assertEquals(d.isBruteForceProtected(), p.isBruteForceProtected());
        assertEquals(d.getFailureFactor(), p.getFailureFactor());
        assertEquals(d.getWebAuthnPolicyPasswordlessRequireResidentKey(),
                p.getWebAuthnPolicyPasswordlessRequireResidentKey());
        assertEquals(d.getWebAuthnPolicyPasswordlessUserVerificationRequirement(),
                p.getWebAuthnPolicyPasswordlessUserVerificationRequirement());

        assertEquals(requiredActions(demoRealm), requiredActions(production));
        assertEquals(flows(demoRealm), flows(production));
        assertEquals(authenticatorConfigs(demoRealm), authenticatorConfigs(production));
        assertEquals(JsonSerialization.writeValueAsString(demoRealm.users().userProfile().getConfiguration()),
                JsonSerialization.writeValueAsString(production.users().userProfile().getConfiguration()));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ProductionRealmIT.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** alias → provider, enabled, priority, config of every required action. */
    private static Map<String, String> requiredActions(RealmResource realm) {
        return realm.flows().getRequiredActions().stream().collect(Collectors.toMap(
                RequiredActionProviderRepresentation::getAlias,
                a -> a.getProviderId() + " enabled=" + a.isEnabled() + " default=" + a.isDefaultAction()
                        + " priority=" + a.getPriority() + " config=" + new TreeMap<>(nullToEmpty(a.getConfig())),
                (a, b) -> a, TreeMap::new));
    }

    /** flow alias → its type and its executions (authenticator or sub-flow, requirement, priority, config alias). */
    private static Map<String, String> flows(RealmResource realm) {
        RealmRepresentation exported = realm.partialExport(false, false);
        return exported.getAuthenticationFlows().stream().collect(Collectors.toMap(
                AuthenticationFlowRepresentation::getAlias,
                f -> f.getProviderId() + " topLevel=" + f.isTopLevel() + " builtIn=" + f.isBuiltIn() + " "
                        + f.getAuthenticationExecutions().stream()
                                .sorted(Comparator.comparingInt(AuthenticationExecutionExportRepresentation::getPriority))
                                .map(ProductionRealmIT::execution)
                                .toList(),
                (a, b) -> a, TreeMap::new));
    }

    private static String execution(AuthenticationExecutionExportRepresentation e) {
        return (e.isAuthenticatorFlow() ? "flow:" + e.getFlowAlias() : e.getAuthenticator())
                + " " + e.getRequirement() + " priority=" + e.getPriority() + " config=" + e.getAuthenticatorConfig();
    }

    /** config alias → config, from the realm's partial export. */
    private static Map<String, String> authenticatorConfigs(RealmResource realm) {
        List<AuthenticatorConfigRepresentation> configs = realm.partialExport(false, false).getAuthenticatorConfig();
        return configs.stream().collect(Collectors.toMap(
                AuthenticatorConfigRepresentation::getAlias,
                c -> String.valueOf(new TreeMap<>(nullToEmpty(c.getConfig()))),
                (a, b) -> a + "|" + b, TreeMap::new));
    }

    private static Map<String, String> nullToEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
