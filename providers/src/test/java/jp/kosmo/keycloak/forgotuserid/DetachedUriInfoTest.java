package jp.kosmo.keycloak.forgotuserid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DetachedUriInfoTest {

    private final DetachedUriInfo uri = new DetachedUriInfo(
            URI.create("https://id.example.jp/realms/kosmo/kosmo-forgot-user-id?client_id=account-console"),
            URI.create("https://id.example.jp/"));

    @Nested
    @DisplayName("what was copied")
    class Copied {

        @Test
        void requestAndBase() {
            assertEquals(URI.create("https://id.example.jp/realms/kosmo/kosmo-forgot-user-id?client_id=account-console"), uri.getRequestUri());
            assertEquals(URI.create("https://id.example.jp/"), uri.getBaseUri());
        }

        @Test
        @DisplayName("absolute path without the query; path after the base")
        void paths() {
            assertEquals(URI.create("https://id.example.jp/realms/kosmo/kosmo-forgot-user-id"), uri.getAbsolutePath());
            assertEquals("/realms/kosmo/kosmo-forgot-user-id", uri.getPath());
        }
    }

    @Test
    @DisplayName("nothing else of the request is kept")
    void nothingElse() {
        assertTrue(uri.getQueryParameters().isEmpty());
        assertTrue(uri.getPathParameters().isEmpty());
        assertTrue(uri.getPathSegments().isEmpty());
        assertTrue(uri.getMatchedResources().isEmpty());
    }
}
