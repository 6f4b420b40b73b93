package jp.kosmo.keycloak.terms;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.events.KosmoEvents;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/kosmo-terms/...}: the recorded acceptances for admins who may view the realm's
 * users ({@code view-users}); anyone else gets 403 before anything is looked up.
 *
 * <ul>
 *   <li>{@code GET users/{userId}/acceptances} — every acceptance of one member (404 for an unknown member)</li>
 *   <li>{@code GET versions/{version}/acceptances?first=0&max=100} — one page of the acceptances of a version</li>
 *   <li>{@code GET versions/{version}/acceptances/count} — how many there are</li>
 *   <li>{@code GET versions/{version}/acceptances.csv[?first=&max=]} — the same as CSV (all rows unless paged)</li>
 * </ul>
 *
 * <p>A CSV download takes members' data out of Keycloak, so it is an admin event (operation {@code ACTION}, resource
 * type {@code USER}, the export's path, the version, the window and the number of rows), recorded when the realm
 * saves admin events.
 */
public final class TermsAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    TermsAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
    }

    @GET
    @Path("users/{userId}/acceptances")
    @Produces(MediaType.APPLICATION_JSON)
    public Response userAcceptances(@PathParam("userId") String userId) {
        auth.users().requireView();
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            throw new NotFoundException("Member not found");
        }
        List<TermsAcceptanceRepresentation> rows = store().byUser(realm, user.getId()).stream()
                .map(acceptance -> TermsAcceptanceRepresentation.of(acceptance, user.getUsername()))
                .toList();
        return noStore(Response.ok(rows, MediaType.APPLICATION_JSON_TYPE));
    }

    @GET
    @Path("versions/{version}/acceptances")
    @Produces(MediaType.APPLICATION_JSON)
    public Response versionAcceptances(@PathParam("version") String version,
                                       @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.users().requireView();
        return withPage(first, max, Page.DEFAULT_MAX, Page.MAX_PAGE, page ->
                noStore(Response.ok(withUsernames(store().byVersion(realm, version, page)), MediaType.APPLICATION_JSON_TYPE)));
    }

    @GET
    @Path("versions/{version}/acceptances/count")
    @Produces(MediaType.APPLICATION_JSON)
    public Response versionCount(@PathParam("version") String version) {
        auth.users().requireView();
        return noStore(Response.ok(Map.of("count", store().countByVersion(realm, version)), MediaType.APPLICATION_JSON_TYPE));
    }

    @GET
    @Path("versions/{version}/acceptances.csv")
    @Produces(TermsCsv.MEDIA_TYPE)
    public Response versionCsv(@PathParam("version") String version,
                               @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.users().requireView();
        return withPage(first, max, Page.MAX_CSV_ROWS, Page.MAX_CSV_ROWS, page -> exportCsv(version, page));
    }

    private Response exportCsv(String version, Page page) {
        List<TermsAcceptanceRepresentation> rows = withUsernames(store().byVersion(realm, version, page));
        byte[] csv = TermsCsv.render(rows).getBytes(StandardCharsets.UTF_8);
        adminEvent.operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail(KosmoEvents.DETAIL_TERMS_VERSION, version)
                .detail(KosmoEvents.DETAIL_FIRST, String.valueOf(page.first()))
                .detail(KosmoEvents.DETAIL_MAX, String.valueOf(page.max()))
                .detail(KosmoEvents.DETAIL_ROWS, String.valueOf(rows.size()))
                .success();
        String file = TermsConfigProperties.isValidVersion(version) ? "kosmo-terms-" + version + ".csv" : "kosmo-terms.csv";
        return noStore(Response.ok(csv, TermsCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\""));
    }

    private List<TermsAcceptanceRepresentation> withUsernames(List<TermsAcceptance> acceptances) {
        Map<String, String> usernames = new HashMap<>();
        return acceptances.stream()
                .map(acceptance -> TermsAcceptanceRepresentation.of(acceptance,
                        usernames.computeIfAbsent(acceptance.userId(), this::username)))
                .toList();
    }

    private String username(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        return user == null ? "" : user.getUsername();
    }

    /** The answer for a valid window; 400 with Keycloak's JSON error body ({@code errorMessage}) for an invalid one. */
    private static Response withPage(String first, String max, int defaultMax, int upperBound, Function<Page, Response> answer) {
        Page page;
        try {
            page = Page.parse(first, max, defaultMax, upperBound);
        } catch (Page.InvalidPageException e) {
            ErrorRepresentation error = new ErrorRepresentation();
            error.setErrorMessage(e.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return answer.apply(page);
    }

    private TermsAcceptanceStore store() {
        return new TermsAcceptanceStore(session);
    }

    private static Response noStore(Response.ResponseBuilder response) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return response.cacheControl(cacheControl).build();
    }
}
