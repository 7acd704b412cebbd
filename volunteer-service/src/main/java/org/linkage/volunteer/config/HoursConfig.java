package org.linkage.volunteer.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;

@ConfigMapping(prefix = "linkage.hours")
public interface HoursConfig {

    /** The organisation that records the service and so, by the national rules, issues its certificates. */
    String issuingOrganisation();

    /**
     * Where the public reaches the suite's API, e.g. https://linkage.example.org: a certificate's QR code links to
     * {@code <this>/api/v1/certificate-verifications/<code>}. Production must set it (ProductionReadiness).
     */
    URI publicBaseUrl();

    /** The public verification address of the certificate with this code. */
    default String verificationUrl(String code) {
        return publicBaseUrl().toString().replaceFirst("/+$", "") + "/api/v1/certificate-verifications/" + code;
    }
}
