package jp.kosmo.keycloak.funnel;

import org.keycloak.Config;

/**
 * The funnel's one server option: how long a node keeps a count ({@value #CACHE_SECONDS_OPTION}, default
 * {@value #DEFAULT_CACHE_SECONDS} s, 0 to 600; 0 asks the database every time), e.g.
 * {@code --spi-admin-realm-restapi-extension--kosmo-onboarding--cache-seconds=10}.
 */
public record FunnelSettings(int cacheSeconds) {

    public static final String CACHE_SECONDS_OPTION = "cache-seconds";
    public static final int DEFAULT_CACHE_SECONDS = 30;
    public static final int MAX_CACHE_SECONDS = 600;

    public FunnelSettings {
        if (cacheSeconds < 0 || cacheSeconds > MAX_CACHE_SECONDS) {
            throw new IllegalArgumentException(CACHE_SECONDS_OPTION + " must be between 0 and " + MAX_CACHE_SECONDS + ": " + cacheSeconds);
        }
    }

    public static FunnelSettings of(Config.Scope config) {
        Integer seconds = config == null ? null : config.getInt(CACHE_SECONDS_OPTION);
        return new FunnelSettings(seconds == null ? DEFAULT_CACHE_SECONDS : seconds);
    }
}
