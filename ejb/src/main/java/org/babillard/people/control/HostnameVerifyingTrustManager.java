package org.babillard.people.control;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Trusts the directory's certificate only if the trust store does and the certificate names the host Babillard
 * connected to. The check of the name is made here whatever the LDAP library and the JDK do on their side (the
 * library's documentation does not promise it), so that no certificate the trust store accepts can stand in for
 * the directory. There is deliberately no switch to turn it off.
 */
final class HostnameVerifyingTrustManager implements X509TrustManager {

    private final X509TrustManager chain;
    private final String host;

    HostnameVerifyingTrustManager(X509TrustManager chain, String host) {
        this.chain = chain;
        this.host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * @param trustStore the trust store holding the directory's certificate or its issuer (PKCS12 or JKS), or
     *                   null for the JVM's own
     */
    static TrustManager forHost(String host, Path trustStore, char[] trustStorePassword) {
        X509TrustManager chain = trustManager(trustStore == null ? null : load(trustStore, trustStorePassword));
        return new HostnameVerifyingTrustManager(chain, host);
    }

    private static KeyStore load(Path path, char[] password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(path.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the directory trust store " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkServerTrusted(certificates, authType);
        if (!names(certificates[0]).stream().anyMatch(this::matches)) {
            throw new CertificateException("The directory's certificate does not name " + host + " but " + names(certificates[0]));
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkClientTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }

    boolean matches(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(n.substring(1));
        }
        return n.equals(host);
    }

    /** DNS and IP names from subjectAltName; the subject's CN only when there are none (RFC 6125). */
    static List<String> names(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
        if (alternatives != null) {
            for (List<?> alternative : alternatives) {
                int type = (Integer) alternative.get(0);
                if (type == 2 || type == 7) {
                    names.add(String.valueOf(alternative.get(1)));
                }
            }
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException e) {
                throw new CertificateParsingException(e);
            }
        }
        return names;
    }

    private static X509TrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("No X.509 trust manager in this JVM");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the JVM's trust store", e);
        }
    }
}
