package jp.kosmo.keycloak.notices;

import jp.kosmo.keycloak.mail.MemberMails;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@value #PROVIDER_ID}; a realm switches it on by listing it under <em>Realm settings → Events → Event
 * listeners</em> (the realm templates do, next to {@code jboss-logging}).
 */
public final class SecurityNoticesEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "kosmo-security-notices";

    private MemberMails mails = new MemberMails("security notices", MemberMails.DEFAULT_MAX_PENDING);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SecurityNoticesEventListener(session, mails);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        // --spi-events-listener--kosmo-security-notices--max-pending-mails: notices waiting or being sent on one node
        mails = MemberMails.configured("security notices", config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
