package org.linkage.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real tokens carry the audience the services require (issue #16, Trust: aud checked): the realm's audience mapper
 * names the chassis' default audience, in a client scope every client gets. Needs no kubectl.
 */
class KeycloakRealmTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyClientsTokensNameTheAudienceTheServicesRequire() throws IOException {
        String chassis = Files.readString(Rendering.K8S.resolve(
                "../../common/chassis/src/main/resources/META-INF/microprofile-config.properties"));
        Matcher audience = Pattern.compile("(?m)^mp\\.jwt\\.verify\\.audiences=\\$\\{LINKAGE_AUTH_AUDIENCE:([^}]+)}$")
                .matcher(chassis);
        assertTrue(audience.find(), "the chassis names no default audience");

        GenericKubernetesResource realmImport = new KubernetesSerialization().unmarshal(
                Files.readString(Rendering.K8S.resolve("keycloak/realm-import.yaml")), GenericKubernetesResource.class);
        Map<String, Object> realm = (Map<String, Object>) ((Map<String, Object>) realmImport
                .getAdditionalProperties().get("spec")).get("realm");
        List<String> scopesWithAudience = new ArrayList<>();
        for (Map<String, Object> scope : (List<Map<String, Object>>) realm.get("clientScopes")) {
            for (Map<String, Object> mapper : (List<Map<String, Object>>) scope.getOrDefault("protocolMappers",
                    List.of())) {
                Map<String, Object> config = (Map<String, Object>) mapper.get("config");
                if ("oidc-audience-mapper".equals(mapper.get("protocolMapper"))
                        && audience.group(1).equals(config.get("included.custom.audience"))
                        && "true".equals(config.get("access.token.claim"))) {
                    scopesWithAudience.add((String) scope.get("name"));
                }
            }
        }
        assertEquals(1, scopesWithAudience.size(), "client scopes adding " + audience.group(1) + " to access tokens");
        for (Map<String, Object> client : (List<Map<String, Object>>) realm.get("clients")) {
            assertTrue(((List<String>) client.get("defaultClientScopes")).containsAll(scopesWithAudience),
                    client.get("clientId") + " gets no " + audience.group(1) + " audience");
        }
    }
}
