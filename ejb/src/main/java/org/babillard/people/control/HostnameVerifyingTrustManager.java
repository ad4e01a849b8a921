package org.babillard.people.control;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
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
 * Trusts the directory's certificate only if the JVM's trust store does and the certificate names the host
 * Babillard connected to. The LDAP API checks the chain but not the name, which would let any certificate
 * the trust store accepts stand in for the directory.
 */
final class HostnameVerifyingTrustManager implements X509TrustManager {

    private final X509TrustManager chain;
    private final String host;

    HostnameVerifyingTrustManager(X509TrustManager chain, String host) {
        this.chain = chain;
        this.host = host.toLowerCase(Locale.ROOT);
    }

    static TrustManager forHost(String host, boolean verifyHostname) {
        X509TrustManager system = systemTrustManager();
        return verifyHostname ? new HostnameVerifyingTrustManager(system, host) : system;
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

    private static X509TrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
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
