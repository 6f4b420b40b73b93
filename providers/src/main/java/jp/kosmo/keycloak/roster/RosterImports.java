package jp.kosmo.keycloak.roster;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Look-ups of roster imports for other features (the onboarding funnel's filter by import). */
public final class RosterImports {

    private RosterImports() {
    }

    /** True when {@code jobId} is an import of this realm that was not a dry run. */
    public static boolean isImportOf(KeycloakSession session, RealmModel realm, String jobId) {
        RosterJobEntity job = RosterJobs.em(session).find(RosterJobEntity.class, jobId);
        return job != null && job.realmId.equals(realm.getId()) && !job.dryRun;
    }
}
