package jp.kosmo.keycloak.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.kosmo.keycloak.events.KosmoEvents;
import jp.kosmo.keycloak.password.NotPersonalDataPolicyProviderFactory;
import jp.kosmo.keycloak.roster.RosterRowEntity.Status;
import jp.kosmo.keycloak.time.KeycloakClock;
import jp.kosmo.keycloak.time.MembersZone;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.theme.Theme;
import org.keycloak.urls.UrlType;

/**
 * {@code /admin/realms/{realm}/kosmo-members/...} for admins who may manage the realm's users ({@code manage-users});
 * anyone else gets 403 before anything is read.
 *
 * <ul>
 *   <li>{@code POST imports[?dryRun=true][&charset=auto|utf-8|cp932]} with the CSV as body: 202 {@code {"id": …}}</li>
 *   <li>{@code GET imports/{id}}: state, rows done/total, counts, rejected rows with line and reason</li>
 *   <li>{@code GET imports/{id}/letters.pdf[?size=a4|hagaki]}, {@code GET imports/{id}/credentials.csv}: once each</li>
 *   <li>{@code POST {userId}/reissue[?format=json|pdf]}: a new activation password for one member</li>
 * </ul>
 */
public final class RosterAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RosterJobs jobs;

    RosterAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                        RosterJobs jobs) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
        this.jobs = jobs;
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response startImport(InputStream body, @QueryParam("dryRun") boolean dryRun, @QueryParam("charset") String charsetName) {
        auth.users().requireManage();
        Charset chosen;
        try {
            chosen = RosterCharset.chosen(charsetName);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (RosterSettings.PASSWORD_LEGACY.equals(settings().passwordRule())
                && realm.getPasswordPolicy().getPolicies().contains(NotPersonalDataPolicyProviderFactory.ID)) {
            // every legacy password holds the birthdate, which the realm's own policy refuses: each row would fail
            return error(Response.Status.BAD_REQUEST, RosterSettings.LEGACY_CONFLICT);
        }
        String id;
        try {
            id = jobs.start(realm.getId(), auth.adminAuth().getUser().getId(), body, chosen, dryRun, settings(),
                    MembersZone.of(realm).today(KeycloakClock.INSTANCE));
        } catch (NotARosterException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (IOException e) {
            return error(Response.Status.BAD_REQUEST, "the upload could not be read");
        }
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri())
                .detail(KosmoEvents.DETAIL_IMPORT_ID, id).detail(KosmoEvents.DETAIL_DRY_RUN, String.valueOf(dryRun)).success();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("warnings", warnings());
        return noStore(Response.status(Response.Status.ACCEPTED).entity(answer).type(MediaType.APPLICATION_JSON_TYPE));
    }

    /** What an admin must be told about this realm's settings before letters go out (bin/kosmo-import prints it). */
    private List<String> warnings() {
        return RosterSettings.PASSWORD_LEGACY.equals(settings().passwordRule())
                ? List.of(RosterSettings.LEGACY_WARNING)
                : List.of();
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id) {
        auth.users().requireManage();
        RosterJobEntity job = job(id);
        if (job == null) {
            return error(Response.Status.NOT_FOUND, "no such import");
        }
        EntityManager em = RosterJobs.em(session);
        Map<Status, Long> counts = RosterJobs.counts(em, id);
        long toDo = counts.get(Status.PENDING) + counts.get(Status.REISSUE);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", job.id);
        answer.put("state", job.state);
        answer.put("dryRun", job.dryRun);
        answer.put("charset", job.charset);
        answer.put("total", job.total);
        answer.put("done", job.total - toDo);
        answer.put("created", counts.get(Status.CREATED));
        answer.put("updated", counts.get(Status.UPDATED));
        answer.put("unchanged", counts.get(Status.UNCHANGED));
        answer.put("disabled", counts.get(Status.DISABLED));
        answer.put("rejected", counts.get(Status.REJECTED));
        answer.put("failed", counts.get(Status.FAILED));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (RosterRowEntity row : em.createNamedQuery(RosterRowEntity.REJECTED, RosterRowEntity.class)
                .setParameter("jobId", id).setMaxResults(1000).getResultList()) {
            RosterProblem problem = RosterProblem.valueOf(row.problem);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("line", row.line);
            error.put("reason", problem.name());
            error.put("column", row.problemColumn);
            error.put("message", new RosterRow(row.line, null, problem, row.problemColumn).describe());
            errors.add(error);
        }
        answer.put("errors", errors);
        answer.put("warnings", warnings());
        boolean letters = !job.dryRun && RosterJobEntity.State.DONE.name().equals(job.state);
        answer.put("lettersPdf", letters && !job.pdfTaken);
        answer.put("credentialsCsv", letters && !job.csvTaken);
        return noStore(Response.ok(answer, MediaType.APPLICATION_JSON_TYPE));
    }

    @GET
    @Path("imports/{id}/letters.pdf")
    @Produces("application/pdf")
    public Response lettersPdf(@PathParam("id") String id, @QueryParam("size") String size) {
        auth.users().requireManage();
        return download(id, RosterJobEntity.TAKE_PDF, letters -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf("hagaki".equalsIgnoreCase(size)).write(letters, out);
            return Response.ok(out.toByteArray(), "application/pdf")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kosmo-letters.pdf\"");
        });
    }

    @GET
    @Path("imports/{id}/credentials.csv")
    @Produces(CredentialsCsv.MEDIA_TYPE)
    public Response credentialsCsv(@PathParam("id") String id) {
        auth.users().requireManage();
        return download(id, RosterJobEntity.TAKE_CSV, letters -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CredentialsCsv.write(letters, MembersZone.of(realm).zone(), out);
            return Response.ok(out.toByteArray(), CredentialsCsv.MEDIA_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kosmo-credentials.csv\"");
        });
    }

    @POST
    @Path("{userId}/reissue")
    public Response reissue(@PathParam("userId") String userId, @QueryParam("format") String format) {
        auth.users().requireManage();
        UserModel user = Optional.ofNullable(session.users().getUserById(realm, userId))
                .orElseGet(() -> session.users().getUserByUsername(realm, userId));
        if (user == null) {
            return error(Response.Status.NOT_FOUND, "no such member");
        }
        RosterSettings settings = settings();
        Letter letter = new MemberUpsert(session, realm, settings, jobs.secrets(), KeycloakClock.INSTANCE.instant(),
                MembersZone.of(realm).today(KeycloakClock.INSTANCE)).issue(user, null);
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri())
                .detail(KosmoEvents.DETAIL_REISSUED_USER, user.getUsername()).success();
        if ("pdf".equalsIgnoreCase(format)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                pdf(false).write(List.of(letter), out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return noStore(Response.ok(out.toByteArray(), "application/pdf")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kosmo-letter-" + user.getUsername() + ".pdf\""));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", letter.username());
        answer.put("activationPassword", letter.password());
        answer.put("expiresAt", letter.expiresAt().toString());
        return noStore(Response.ok(answer, MediaType.APPLICATION_JSON_TYPE));
    }

    interface Render {
        Response.ResponseBuilder render(List<Letter> letters) throws IOException;
    }

    private Response download(String id, String takeQuery, Render render) {
        RosterJobEntity job = job(id);
        if (job == null) {
            return error(Response.Status.NOT_FOUND, "no such import");
        }
        if (job.dryRun || !RosterJobEntity.State.DONE.name().equals(job.state)) {
            return error(Response.Status.CONFLICT, job.dryRun ? "a dry run has no letters" : "the import is still running");
        }
        if (!jobs.seal().keyId().equals(job.sealKeyId)) {
            return error(Response.Status.CONFLICT, "the letters of this import are held by another node, or were lost in a"
                    + " restart: re-issue the members' activation passwords (POST …/kosmo-members/{userId}/reissue)");
        }
        int[] taken = new int[1];
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s ->
                taken[0] = RosterJobs.em(s).createNamedQuery(takeQuery).setParameter("id", id).executeUpdate());
        if (taken[0] == 0) {
            return error(Response.Status.GONE, "already downloaded: letters and credentials can be downloaded once");
        }
        EntityManager em = RosterJobs.em(session);
        List<Letter> letters = new ArrayList<>();
        for (RosterRowEntity row : em.createNamedQuery(RosterRowEntity.LETTERS, RosterRowEntity.class).setParameter("jobId", id).getResultList()) {
            jobs.seal().open(row.letter).ifPresent(letters::add);
        }
        Response.ResponseBuilder response;
        try {
            response = render.render(letters);
        } catch (IOException | RuntimeException e) {
            // nothing went out: the download stays available
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                RosterJobEntity fresh = RosterJobs.em(s).find(RosterJobEntity.class, id);
                if (RosterJobEntity.TAKE_PDF.equals(takeQuery)) {
                    fresh.pdfTaken = false;
                } else {
                    fresh.csvTaken = false;
                }
            });
            throw new IllegalStateException("letters could not be rendered", e);
        }
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            RosterJobEntity fresh = RosterJobs.em(s).find(RosterJobEntity.class, id);
            if (fresh.pdfTaken && fresh.csvTaken) {
                RosterJobs.em(s).createNamedQuery(RosterRowEntity.ERASE_LETTERS).setParameter("jobId", id).executeUpdate();
            }
        });
        adminEvent.operation(OperationType.ACTION).resourcePath(session.getContext().getUri())
                .detail(KosmoEvents.DETAIL_IMPORT_ID, id).detail(KosmoEvents.DETAIL_ROWS, String.valueOf(letters.size())).success();
        return noStore(response);
    }

    private LettersPdf pdf(boolean hagaki) {
        RosterSettings settings = settings();
        Properties messages;
        Locale locale = realm.getDefaultLocale() == null ? Locale.JAPANESE : Locale.forLanguageTag(realm.getDefaultLocale());
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            messages = theme.getEnhancedMessages(realm, locale);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new LettersPdf(messages::getProperty, locale, MembersZone.of(realm).zone(), settings.unionName(), settings.loginUrl(), hagaki);
    }

    private RosterSettings settings() {
        String account = session.getContext().getUri(UrlType.FRONTEND).getBaseUriBuilder()
                .path("realms").path(realm.getName()).path("account").path("").build().toString();
        return RosterSettings.of(realm, account);
    }

    private RosterJobEntity job(String id) {
        RosterJobEntity job = RosterJobs.em(session).find(RosterJobEntity.class, id);
        return job == null || !realm.getId().equals(job.realmId) ? null : job;
    }

    private static Response error(Response.Status status, String message) {
        ErrorRepresentation error = new ErrorRepresentation();
        error.setErrorMessage(message);
        return Response.status(status).entity(error).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        return response.cacheControl(cacheControl).build();
    }
}
