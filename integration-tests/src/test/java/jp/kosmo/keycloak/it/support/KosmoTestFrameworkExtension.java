package jp.kosmo.keycloak.it.support;

import java.util.List;

import org.keycloak.testframework.TestFrameworkExtension;
import org.keycloak.testframework.injection.Supplier;

/** Registers our suppliers with the Keycloak test framework (selected in keycloak-test.properties). */
public final class KosmoTestFrameworkExtension implements TestFrameworkExtension {

    @Override
    public List<Supplier<?, ?>> suppliers() {
        return List.of(new KosmoChromiumWebDriverSupplier());
    }
}
