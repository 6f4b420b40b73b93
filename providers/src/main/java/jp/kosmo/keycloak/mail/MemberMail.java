package jp.kosmo.keycloak.mail;

import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;

/**
 * One mail to a member, sent in the background after the member's request has committed ({@link MemberMails}). Both
 * methods run in a session and transaction of their own and look everything up by id; the object itself holds
 * only ids, the address and what the mail says (a code lives here until it is sent, never in a log).
 */
public interface MemberMail {

    /** Hands the mail to the mail server; throws when it refuses. Also records the success (event, metric). */
    void send(KeycloakSession session) throws EmailException;

    /**
     * The mail did not go (the mail server refused it, or this node's mail queue was full): records it where the
     * member's page shows it at the next view, and as an event and a metric. Must not send anything.
     */
    void failed(KeycloakSession session);

    /** What the mail is, for the log: its kind and the member's id, never an address or a code. */
    String describe();
}
