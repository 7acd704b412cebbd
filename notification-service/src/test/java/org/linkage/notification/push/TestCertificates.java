package org.linkage.notification.push;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A test CA and a server certificate it signs for localhost (SAN dns:localhost, ip:127.0.0.1), made with the JDK's
 * own keytool at test time: nothing secret is kept in the repository, and no extra library is needed.
 */
public record TestCertificates(X509Certificate ca, X509Certificate server, PrivateKey serverKey) {

    private static final String PASSWORD = "test-only";

    public static TestCertificates create() {
        try {
            Path dir = Files.createTempDirectory("linkage-test-ca");
            keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=Linkage Test CA", "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
            keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "2", "-keystore", "server.p12");
            keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
            keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile", "server.csr",
                    "-outfile", "server.crt", "-rfc", "-validity", "2",
                    "-ext", "san=dns:localhost,ip:127.0.0.1", "-ext", "eku=serverAuth");
            KeyStore caStore = load(dir.resolve("ca.p12"));
            KeyStore serverStore = load(dir.resolve("server.p12"));
            X509Certificate ca = (X509Certificate) caStore.getCertificate("ca");
            X509Certificate server = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("server.crt"))));
            PrivateKey key = (PrivateKey) serverStore.getKey("server", PASSWORD.toCharArray());
            return new TestCertificates(ca, server, key);
        } catch (Exception e) {
            throw new IllegalStateException("could not make the test certificates", e);
        }
    }

    public String caPem() {
        try {
            return pem("CERTIFICATE", ca.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh EC P-256 key as an APNs .p8 file holds it (PKCS#8 PEM). */
    public static String apnsSigningKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storepass", PASSWORD, "-keypass", PASSWORD, "-storetype", "PKCS12", "-noprompt"));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new UncheckedIOException(new IOException("keytool " + arguments[0] + " failed: " + output));
        }
    }
}
