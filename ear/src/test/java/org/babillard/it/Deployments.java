package org.babillard.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The deployments of the integration tests: always the EAR the build produced, never a hand-made subset. */
public final class Deployments {

    private Deployments() {
    }

    /** Babillard's EAR as built, for tests that act as a client (browser, HTTP). */
    public static EnterpriseArchive babillard() {
        File ear = new File(System.getProperty("babillard.it.ear", "target/babillard.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("No EAR at " + ear.getAbsolutePath() + ": run the tests through Maven (./mvnw verify)");
        }
        return ShrinkWrap.create(ZipImporter.class, "babillard.ear").importFrom(ear).as(EnterpriseArchive.class);
    }

    /** Babillard's EAR with a test.war holding these test classes, for tests that run inside the server. */
    public static EnterpriseArchive babillardWithTests(Class<?>... classes) {
        // A bean archive, so that the tests' servlet requests carry CDI's request context and HttpServletRequest.
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "test.war").addClasses(classes)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = babillard();
        // Arquillian enriches the only WAR of an EAR: the web pages stay out, the business components stay in.
        ear.delete("/babillard-web.war");
        return ear.addAsModule(tests);
    }
}
