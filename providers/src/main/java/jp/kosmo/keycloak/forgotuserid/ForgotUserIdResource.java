package jp.kosmo.keycloak.forgotuserid;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.mail.BackgroundJobs;
import jp.kosmo.keycloak.metrics.KosmoMetrics;
import jp.kosmo.keycloak.metrics.Tags;
import jp.kosmo.keycloak.metrics.Tally;
import jp.kosmo.keycloak.time.KeycloakClock;
import jp.kosmo.keycloak.time.MembersZone;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.util.ResolveRelative;

/**
 * 「ユーザIDを忘れた方はこちら」: a page outside any login, asking for an address and the birthdate. Every accepted
 * request gets the same answer in the same time; who, if anyone, gets a mail is decided by {@link ForgotUserIdJob}
 * after the answer has gone out (at most {@link BackgroundJobs#capacity()} waiting per node). Only what does not
 * depend on members happens here: the cross-site check, the input check and the rate limits (counted per address
 * text and per client network, known or not); a rate-limited request starts no background work at all.
 */
public final class ForgotUserIdResource {

    private static final Logger LOG = Logger.getLogger(ForgotUserIdResource.class);

    static final String TEMPLATE = "kosmo-forgot-user-id.ftl";
    static final String PAGE_ATTRIBUTE = "kosmoForgotUserId";
    static final String MODE_FORM = "form";
    static final String MODE_SENT = "sent";
    static final String MODE_LIMITED = "limited";
    static final String PAGE_EXPIRED = "kosmoForgotUserIdExpired";
    static final String TRY_LATER = "kosmoForgotUserIdTryLater";
    /** Keycloak's theme message of its own "page not found" error page. */
    static final String PAGE_NOT_FOUND = "pageNotFound";
    /** The account console's address, relative to the server's base address (Keycloak's documented URL). */
    private static final String ACCOUNT_PATH = "realms/{realm}/account/";

    /** The job starts this long after the answer, so it never competes with writing the answer. */
    static final long JOB_DELAY_MILLIS = 200;
    /** Field values longer than this are not shown back in the form. */
    private static final int MAX_ECHO_LENGTH = 256;

    private final KeycloakSession session;
    private final BackgroundJobs jobs;
    private final RealmModel realm;
    private final ClientModel client;
    private final LoginFlowSettings settings;
    /** This page's own address (the form's action, the cookie's path). */
    private final URI pageUri;
    /** Where "back to the login" and the mail's link go. */
    private final String loginUrl;

    ForgotUserIdResource(KeycloakSession session, BackgroundJobs jobs) {
        this.session = session;
        this.jobs = jobs;
        this.realm = session.getContext().getRealm();
        this.client = requestedClient(session, realm);
        if (client != null) {
            session.getContext().setClient(client);
        }
        this.settings = LoginFlowSettings.of(realm, client);
        this.pageUri = KosmoLoginForm.pageUri(session, realm, client);
        this.loginUrl = loginUrl(session, realm, client);
        PageLocale.applyRequested(session, realm);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        if (!settings.forgotUserId().enabled()) {
            return notFound();
        }
        String token = cookieToken();
        boolean newToken = token == null;
        if (newToken) {
            token = CsrfToken.generate();
        }
        return page(MODE_FORM, token, newToken, "", "", List.of(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit() {
        if (!settings.forgotUserId().enabled()) {
            return notFound();
        }
        MultivaluedMap<String, String> form = session.getContext().getHttpRequest().getDecodedFormParameters();
        String email = echo(form.getFirst(ForgotUserIdInput.FIELD_EMAIL));
        String birthdate = echo(form.getFirst(ForgotUserIdInput.FIELD_BIRTHDATE));
        String token = cookieToken();
        if (!CsrfToken.matches(token, form.getFirst(CsrfToken.FIELD))) {
            return page(MODE_FORM, CsrfToken.generate(), true, email, birthdate, List.of(), PAGE_EXPIRED);
        }
        ForgotUserIdInput.Result input = ForgotUserIdInput.parse(form.getFirst(ForgotUserIdInput.FIELD_EMAIL),
                form.getFirst(ForgotUserIdInput.FIELD_BIRTHDATE), settings.forgotUserId().birthdateRequired(),
                MembersZone.of(realm).today(KeycloakClock.INSTANCE));
        if (!input.isValid()) {
            List<FormMessage> errors = input.problems().stream()
                    .map(p -> new FormMessage(p.field(), p.messageKey()))
                    .toList();
            return page(MODE_FORM, token, false, email, birthdate, errors, null);
        }
        ForgotUserIdInput.Request request = input.request();
        ClientConnection connection = session.getContext().getConnection();
        if (!withinLimits(request, connection)) {
            // no look-up at all: a flood over the limits costs a store look-up per request, nothing more
            KosmoMetrics.count(session, realm, Tally.forgotUserId(Tags.ForgotUserIdOutcome.RATE_LIMITED));
            return page(MODE_LIMITED, token, false, "", "", List.of(), null);
        }
        String locale = session.getContext().resolveLocale(null).toLanguageTag();
        schedule(ForgotUserIdJob.lookUp(realm, client, connection, session.getContext().getUri(), request,
                settings.birthdateAttribute(), loginUrl, locale));
        return page(MODE_SENT, token, false, "", "", List.of(), null);
    }

    /**
     * Takes a slot of the client network's and of the address's hourly limit. Neither depends on members, so the
     * answer does not either. When a limit fills up, one event records it (at most once a minute per limit). A realm
     * without an HMAC key to name the counters gets every request turned away (fail closed).
     */
    private boolean withinLimits(ForgotUserIdInput.Request request, ClientConnection connection) {
        int perNetwork = settings.forgotUserId().perIpPerHour();
        int perAddress = settings.forgotUserId().perAddressPerHour();
        if (perNetwork <= 0 && perAddress <= 0) {
            return true;
        }
        LimitKeys keys;
        try {
            keys = LimitKeys.of(session, realm);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Forgot-user-ID page of realm %s: no key to name its rate-limit counters; every request is turned away",
                    realm.getName());
            return false;
        }
        HourlyLimit limit = new HourlyLimit(session.getProvider(SingleUseObjectProvider.class));
        String network = ClientNetwork.of(connection == null ? null : connection.getRemoteAddr());
        return allowed(limit.tryAcquire(keys.network(network), perNetwork), KosmoEvents.LIMIT_NETWORK, request, connection)
                && allowed(limit.tryAcquire(keys.address(request.email()), perAddress), KosmoEvents.LIMIT_ADDRESS, request, connection);
    }

    private boolean allowed(HourlyLimit.Outcome outcome, String which, ForgotUserIdInput.Request request, ClientConnection connection) {
        if (outcome == HourlyLimit.Outcome.FILLED) {
            ForgotUserIdEvent.of(session, realm, client == null ? null : client.getClientId(), connection, request.email())
                    .detail(Details.REASON, KosmoEvents.REASON_RATE_LIMITED)
                    .detail(KosmoEvents.DETAIL_LIMIT, which)
                    .error(Errors.SLOW_DOWN);
        }
        return outcome.allowed();
    }

    private void schedule(ForgotUserIdJob job) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        Executor executor = session.getProvider(ExecutorsProvider.class).getExecutor(ForgotUserIdResourceProviderFactory.PROVIDER_ID);
        jobs.submit(executor, JOB_DELAY_MILLIS, () -> {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, job);
            } catch (RuntimeException e) {
                LOG.error("A forgot-user-ID request could not be completed", e);
            }
        });
    }

    private Response page(String mode, String token, boolean setCookie, String email, String birthdate,
                          List<FormMessage> fieldErrors, String pageError) {
        Map<String, Object> page = new HashMap<>();
        page.put("mode", mode);
        page.put("csrf", token);
        page.put("email", email);
        page.put("birthdate", birthdate);
        page.put("birthdateRequired", settings.forgotUserId().birthdateRequired());
        page.put("loginUrl", loginUrl);
        LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class)
                .setActionUri(pageUri)
                .setAttribute(PAGE_ATTRIBUTE, page)
                .setResponseHeader(HttpHeaders.CACHE_CONTROL, "no-store, must-revalidate, max-age=0");
        if (!fieldErrors.isEmpty()) {
            forms.setErrors(fieldErrors);
        } else if (pageError != null) {
            forms.setError(pageError);
        } else if (MODE_LIMITED.equals(mode)) {
            forms.setError(TRY_LATER);
        }
        if (setCookie) {
            forms.setResponseHeader(HttpHeaders.SET_COOKIE,
                    CsrfToken.setCookieHeader(token, pageUri.getPath(), "https".equals(pageUri.getScheme())));
        }
        return forms.createForm(TEMPLATE);
    }

    private Response notFound() {
        return session.getProvider(LoginFormsProvider.class).setError(PAGE_NOT_FOUND).createErrorPage(Response.Status.NOT_FOUND);
    }

    /** Where "back to the login" and the mail's link go: the client the member came from, else the account console. */
    private static String loginUrl(KeycloakSession session, RealmModel realm, ClientModel client) {
        if (client != null && client.getBaseUrl() != null && !client.getBaseUrl().isBlank()) {
            return ResolveRelative.resolveRelativeUri(session, client.getRootUrl(), client.getBaseUrl());
        }
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path(ACCOUNT_PATH).build(realm.getName()).toString();
    }

    private String cookieToken() {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(CsrfToken.COOKIE);
        return cookie != null && CsrfToken.wellFormed(cookie.getValue()) ? cookie.getValue() : null;
    }

    private static ClientModel requestedClient(KeycloakSession session, RealmModel realm) {
        String clientId = session.getContext().getUri().getQueryParameters().getFirst(OAuth2Constants.CLIENT_ID);
        if (clientId == null || clientId.isBlank() || clientId.length() > 255) {
            return null;
        }
        ClientModel client = realm.getClientByClientId(clientId);
        return client != null && client.isEnabled() ? client : null;
    }

    private static String echo(String value) {
        return value == null || value.length() > MAX_ECHO_LENGTH ? "" : value;
    }
}
