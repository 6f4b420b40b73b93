package jp.kosmo.keycloak.notices;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The notices of one request, sent only once the request's own transaction has committed (enlisted "after
 * completion"): a request that fails sends none, and a notice that fails never fails the request.
 */
final class AfterCommitNotices extends AbstractKeycloakTransaction {

    private static final Logger LOG = Logger.getLogger(AfterCommitNotices.class);

    private final KeycloakSessionFactory factory;
    private final List<NoticeDelivery> pending = new ArrayList<>();

    AfterCommitNotices(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    void add(NoticeDelivery delivery) {
        pending.add(delivery);
    }

    @Override
    protected void commitImpl() {
        List<NoticeDelivery> deliveries = List.copyOf(pending);
        pending.clear();
        for (NoticeDelivery delivery : deliveries) {
            sendNow(factory, delivery);
        }
    }

    @Override
    protected void rollbackImpl() {
        pending.clear();
    }

    /** Runs one delivery in its own session and transaction; whatever goes wrong is logged and goes no further. */
    static void sendNow(KeycloakSessionFactory factory, NoticeDelivery delivery) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, delivery);
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the %s notice to member %s (%s)", delivery.notice().kind(), delivery.userId(),
                    e.getClass().getSimpleName());
            LOG.debugf(e, "Failure of the %s notice to member %s", delivery.notice().kind(), delivery.userId());
        }
    }
}
