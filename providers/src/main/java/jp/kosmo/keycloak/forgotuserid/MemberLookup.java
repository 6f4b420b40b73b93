package jp.kosmo.keycloak.forgotuserid;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

import jp.kosmo.keycloak.birthdate.BirthdateOnFile;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.time.KeycloakClock;
import jp.kosmo.keycloak.time.MembersZone;

/**
 * Finds the one member a forgot-user-ID request is for: a member (not a service account) whose <em>verified</em>
 * address is the one entered and, when the form asks for it, whose birthdate on file is the one entered. Anything
 * else, including two such members, is no match. Disabled members are left out, except those Keycloak's brute-force
 * detector disabled (permanent lockout): they are found, so the caller sees that the member is locked rather than
 * absent. Runs off the request thread only.
 */
final class MemberLookup {

    /** Why there is or is not a match; the event's reason detail for admins. */
    enum Reason {
        FOUND(KosmoEvents.REASON_FOUND),
        NO_MEMBER(KosmoEvents.REASON_NO_MEMBER_WITH_ADDRESS),
        NOT_VERIFIED(KosmoEvents.REASON_ADDRESS_NOT_VERIFIED),
        BIRTHDATE_MISMATCH(KosmoEvents.REASON_BIRTHDATE_MISMATCH),
        NO_BIRTHDATE(KosmoEvents.REASON_NO_BIRTHDATE_ON_FILE),
        AMBIGUOUS(KosmoEvents.REASON_SEVERAL_MEMBERS);

        final String detail;

        Reason(String detail) {
            this.detail = detail;
        }
    }

    /** The member (set when one was found, or when exactly one had the address but failed a check) and why. */
    record Outcome(UserModel user, Reason reason) {
        boolean found() {
            return reason == Reason.FOUND;
        }

        /** The birthdate entered was a guess at this one member's (right or wrong): what brute-force detection weighs. */
        boolean guessed() {
            return user != null && (reason == Reason.FOUND || reason == Reason.BIRTHDATE_MISMATCH);
        }
    }

    private MemberLookup() {
    }

    static Outcome find(KeycloakSession session, RealmModel realm, ForgotUserIdInput.Request request, String birthdateAttribute) {
        List<UserModel> withAddress = candidates(session, realm, request.email())
                .filter(u -> u.isEnabled() || lockedOutForGood(u))
                .filter(u -> u.getServiceAccountClientLink() == null)
                .toList();
        if (withAddress.isEmpty()) {
            return new Outcome(null, Reason.NO_MEMBER);
        }
        List<UserModel> verified = withAddress.stream().filter(UserModel::isEmailVerified).toList();
        if (verified.isEmpty()) {
            return new Outcome(single(withAddress), Reason.NOT_VERIFIED);
        }
        if (request.birthdate() == null) {
            return verified.size() == 1 ? new Outcome(verified.get(0), Reason.FOUND) : new Outcome(null, Reason.AMBIGUOUS);
        }
        LocalDate today = MembersZone.of(realm).today(KeycloakClock.INSTANCE);
        List<UserModel> onFile = verified.stream()
                .filter(u -> BirthdateOnFile.of(u, birthdateAttribute, today) != null)
                .toList();
        if (onFile.isEmpty()) {
            // nothing to guess at: like the login's birthdate check, this is not a failed login
            return new Outcome(single(verified), Reason.NO_BIRTHDATE);
        }
        List<UserModel> matching = onFile.stream()
                .filter(u -> request.birthdate().equals(BirthdateOnFile.of(u, birthdateAttribute, today)))
                .toList();
        if (matching.isEmpty()) {
            // a guess counts only for an address that belongs to one member alone
            return new Outcome(single(verified), Reason.BIRTHDATE_MISMATCH);
        }
        if (matching.size() > 1) {
            return new Outcome(null, Reason.AMBIGUOUS);
        }
        return new Outcome(matching.get(0), Reason.FOUND);
    }

    private static Stream<UserModel> candidates(KeycloakSession session, RealmModel realm, String email) {
        if (!realm.isDuplicateEmailsAllowed()) {
            UserModel user = session.users().getUserByEmail(realm, email);
            return user == null ? Stream.empty() : Stream.of(user);
        }
        return session.users()
                .searchForUserStream(realm, Map.of(UserModel.EMAIL, email, UserModel.EXACT, Boolean.TRUE.toString()))
                .filter(u -> email.equalsIgnoreCase(u.getEmail()));
    }

    private static boolean lockedOutForGood(UserModel user) {
        return BruteForceProtector.DISABLED_BY_PERMANENT_LOCKOUT.equals(user.getFirstAttribute(UserModel.DISABLED_REASON));
    }

    private static UserModel single(List<UserModel> users) {
        return users.size() == 1 ? users.get(0) : null;
    }
}
