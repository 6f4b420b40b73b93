package jp.kosmo.keycloak.forgotuserid;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * The request's addresses, copied while the request is still there, for code that runs after it has gone:
 * Keycloak's brute-force detector takes a {@link UriInfo} with a failed login and uses it on its own thread, later
 * than our background job. The live {@code UriInfo} of a request belongs to that request; this copy holds only the
 * request and base URIs, with no path or query parameters.
 */
record DetachedUriInfo(URI requestUri, URI baseUri) implements UriInfo {

    static DetachedUriInfo of(UriInfo live) {
        return new DetachedUriInfo(live.getRequestUri(), live.getBaseUri());
    }

    @Override
    public URI getRequestUri() {
        return requestUri;
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
        return UriBuilder.fromUri(requestUri);
    }

    @Override
    public URI getAbsolutePath() {
        return URI.create(requestUri.getScheme() + "://" + requestUri.getRawAuthority() + requestUri.getRawPath());
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
        return UriBuilder.fromUri(getAbsolutePath());
    }

    @Override
    public URI getBaseUri() {
        return baseUri;
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
        return UriBuilder.fromUri(baseUri);
    }

    @Override
    public String getPath() {
        return getPath(true);
    }

    /** The path after the base URI, with a leading slash as JAX-RS has it. */
    @Override
    public String getPath(boolean decode) {
        URI relative = baseUri.relativize(getAbsolutePath());
        return "/" + (decode ? relative.getPath() : relative.getRawPath());
    }

    @Override
    public List<PathSegment> getPathSegments() {
        return List.of();
    }

    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
        return List.of();
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
        return new MultivaluedHashMap<>();
    }

    @Override
    public List<String> getMatchedURIs() {
        return List.of();
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
        return List.of();
    }

    @Override
    public List<Object> getMatchedResources() {
        return List.of();
    }

    @Override
    public URI resolve(URI uri) {
        return baseUri.resolve(uri);
    }

    @Override
    public URI relativize(URI uri) {
        return requestUri.relativize(uri.isAbsolute() ? uri : baseUri.resolve(uri));
    }
}
