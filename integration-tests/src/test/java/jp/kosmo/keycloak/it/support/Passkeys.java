package jp.kosmo.keycloak.it.support;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A platform authenticator with user verification (face / fingerprint) and discoverable credentials, through
 * Chrome's virtual authenticator: the passkeys it registers are real WebAuthn credentials Keycloak verifies.
 */
public final class Passkeys implements AutoCloseable {

    private final HasVirtualAuthenticator driver;
    private final VirtualAuthenticator authenticator;

    private Passkeys(HasVirtualAuthenticator driver, VirtualAuthenticator authenticator) {
        this.driver = driver;
        this.authenticator = authenticator;
    }

    public static Passkeys platformAuthenticator(WebDriver webDriver) {
        HasVirtualAuthenticator driver = (HasVirtualAuthenticator) webDriver;
        VirtualAuthenticatorOptions options = new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
        return new Passkeys(driver, driver.addVirtualAuthenticator(options));
    }

    /**
     * Whether the member's face or finger is recognised. Off while a page loads keeps the browser's passkey
     * autofill (conditional UI, which this virtual authenticator would answer at once) from signing in.
     */
    public void userVerified(boolean verified) {
        authenticator.setUserVerified(verified);
    }

    public int count() {
        return authenticator.getCredentials().size();
    }

    @Override
    public void close() {
        driver.removeVirtualAuthenticator(authenticator);
    }
}
