package jp.kosmo.keycloak.funnel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.csv.SpreadsheetCsv;
import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.onboarding.RequiredActionIds;
import jp.kosmo.keycloak.roster.RosterImports;
import jp.kosmo.keycloak.terms.Page;
import jp.kosmo.keycloak.terms.TermsConfig;
import jp.kosmo.keycloak.time.KeycloakClock;
import jp.kosmo.keycloak.time.MembersZone;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/kosmo-onboarding/...}: the onboarding funnel for admins who may view the realm's users
 * ({@code view-users}); anyone else gets 403 before anything is looked up.
 *
 * <ul>
 *   <li>{@code GET funnel[?job=&from=&to=]} — how many members reached each {@link FunnelStep}, how many are stuck
 *       there, the methods, disabled and locked members (cached on the node, see {@link FunnelCache})</li>
 *   <li>{@code GET funnel/members?step=&first=&max=[&job=&from=&to=]} — one page of the members stuck at a step</li>
 *   <li>{@code GET funnel/members.csv?step=[&first=&max=&job=&from=&to=]} — the same as CSV (an admin event)</li>
 * </ul>
 */
public final class OnboardingFunnelResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final FunnelCache cache;
    private final FunnelSettings settings;

    OnboardingFunnelResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                             AdminEventBuilder adminEvent, FunnelCache cache, FunnelSettings settings) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
        this.cache = cache;
        this.settings = settings;
    }

    @GET
    @Path("funnel")
    @Produces(MediaType.APPLICATION_JSON)
    public Response funnel(@QueryParam("job") String job, @QueryParam("from") String from, @QueryParam("to") String to) {
        auth.users().requireView();
        FunnelFilter filter;
        try {
            filter = filter(job, from, to);
        } catch (FunnelFilter.InvalidFilterException | Page.InvalidPageException e) {
            return badRequest(e.getMessage());
        } catch (UnknownImportException e) {
            return notFound();
        }
        String version = termsVersion();
        Instant now = KeycloakClock.INSTANCE.instant();
        FunnelCounts counts = cache.get(filter.key() + '|' + version, now, () -> queries(filter, version).counts(now));
        return noStore(Response.ok(counts.representation(filter, version, settings.cacheSeconds()), MediaType.APPLICATION_JSON_TYPE));
    }

    @GET
    @Path("funnel/members")
    @Produces(MediaType.APPLICATION_JSON)
    public Response members(@QueryParam("step") String step, @QueryParam("first") String first, @QueryParam("max") String max,
                            @QueryParam("job") String job, @QueryParam("from") String from, @QueryParam("to") String to) {
        auth.users().requireView();
        return stuck(step, first, max, job, from, to, Page.DEFAULT_MAX, Page.MAX_PAGE, (s, filter, page, members) ->
                noStore(Response.ok(members.stream().map(OnboardingFunnelResource::json).toList(), MediaType.APPLICATION_JSON_TYPE)));
    }

    @GET
    @Path("funnel/members.csv")
    @Produces(SpreadsheetCsv.MEDIA_TYPE)
    public Response membersCsv(@QueryParam("step") String step, @QueryParam("first") String first, @QueryParam("max") String max,
                               @QueryParam("job") String job, @QueryParam("from") String from, @QueryParam("to") String to) {
        auth.users().requireView();
        return stuck(step, first, max, job, from, to, Page.MAX_CSV_ROWS, Page.MAX_CSV_ROWS, (s, filter, page, members) -> {
            byte[] csv = FunnelCsv.render(s, members).getBytes(StandardCharsets.UTF_8);
            AdminEventBuilder event = adminEvent.operation(OperationType.ACTION)
                    .resourcePath(session.getContext().getUri())
                    .detail(KosmoEvents.DETAIL_FUNNEL_STEP, s.id())
                    .detail(KosmoEvents.DETAIL_FIRST, String.valueOf(page.first()))
                    .detail(KosmoEvents.DETAIL_MAX, String.valueOf(page.max()))
                    .detail(KosmoEvents.DETAIL_ROWS, String.valueOf(members.size()));
            if (filter.jobId() != null) {
                event.detail(KosmoEvents.DETAIL_IMPORT_ID, filter.jobId());
            }
            event.success();
            return noStore(Response.ok(csv, SpreadsheetCsv.MEDIA_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kosmo-onboarding-" + s.id() + ".csv\""));
        });
    }

    private interface StuckAnswer {
        Response answer(FunnelStep step, FunnelFilter filter, Page page, List<StuckMember> members);
    }

    private Response stuck(String stepId, String first, String max, String job, String from, String to,
                           int defaultMax, int upperBound, StuckAnswer answer) {
        FunnelStep step = stepId == null ? null : FunnelStep.byId(stepId.trim()).orElse(null);
        if (step == null) {
            return badRequest("'step' must be one of " + String.join(", ", FunnelStep.ids()));
        }
        FunnelFilter filter;
        Page page;
        try {
            page = Page.parse(first, max, defaultMax, upperBound);
            filter = filter(job, from, to);
        } catch (FunnelFilter.InvalidFilterException | Page.InvalidPageException e) {
            return badRequest(e.getMessage());
        } catch (UnknownImportException e) {
            return notFound();
        }
        return answer.answer(step, filter, page, queries(filter, termsVersion()).stuck(step, page));
    }

    private FunnelFilter filter(String job, String from, String to) {
        FunnelFilter filter = FunnelFilter.parse(realm.getId(), job, from, to, MembersZone.of(realm).zone());
        if (filter.jobId() != null && !RosterImports.isImportOf(session, realm, filter.jobId())) {
            throw new UnknownImportException();
        }
        return filter;
    }

    private static final class UnknownImportException extends RuntimeException {
        UnknownImportException() {
            super(null, null, false, false);
        }
    }

    private String termsVersion() {
        return TermsConfig.of(realm.getRequiredActionConfigByAlias(RequiredActionIds.TERMS)).version();
    }

    private FunnelQueries queries(FunnelFilter filter, String termsVersion) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        return new FunnelQueries(em, filter, termsVersion);
    }

    private static Map<String, Object> json(StuckMember member) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", member.id());
        out.put("username", member.username());
        out.put("name", member.name());
        out.put("enabled", member.enabled());
        out.put("since", member.since() == null ? null : member.since().toString());
        return out;
    }

    private static Response badRequest(String message) {
        ErrorRepresentation error = new ErrorRepresentation();
        error.setErrorMessage(message);
        return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response notFound() {
        ErrorRepresentation error = new ErrorRepresentation();
        error.setErrorMessage("No such import in this realm");
        return Response.status(Response.Status.NOT_FOUND).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return response.cacheControl(cacheControl).build();
    }
}
