package jp.kosmo.keycloak.forgotuserid;

import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.locale.LocaleUpdaterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code kc_locale} on the page's address picks its language, as on Keycloak's own login pages: for this request
 * (read by Keycloak's locale selector) and, through Keycloak's locale cookie, for the pages that follow. Only
 * languages of a realm with internationalization on; the locale selector ignores ones the realm does not support.
 */
final class PageLocale {

    private PageLocale() {
    }

    static void applyRequested(KeycloakSession session, RealmModel realm) {
        if (!realm.isInternationalizationEnabled()) {
            return;
        }
        String requested = session.getContext().getUri().getQueryParameters().getFirst(LocaleSelectorProvider.KC_LOCALE_PARAM);
        if (requested == null) {
            return;
        }
        session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, requested);
        session.getProvider(LocaleUpdaterProvider.class).updateLocaleCookie(requested);
    }
}
