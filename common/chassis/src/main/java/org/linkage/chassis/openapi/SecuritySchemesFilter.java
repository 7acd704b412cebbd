package org.linkage.chassis.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.linkage.chassis.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Describes how integrators get a token: the realm's OpenID Connect discovery document ({@value #DISCOVERY}) and the
 * same realm as OAuth 2 flows (authorization code with PKCE for the app, client credentials for integrators) whose
 * scopes are the roles the operations require. Quarkus writes each {@code @RolesAllowed} as a requirement of its
 * one bearer scheme; this filter moves those roles onto {@value #OAUTH2}, so that a linter or a client generator
 * knows every role an operation names.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecuritySchemesFilter implements OASFilter {

    static final String BEARER = "bearer";
    static final String DISCOVERY = "oidc";
    static final String OAUTH2 = "keycloak";
    static final String REALM_PROPERTY = "linkage.openapi.identity-provider-realm";
    static final String DEFAULT_REALM = "https://sso.linkage.example.org/realms/linkage";

    private static final Map<String, String> ROLES = Map.of(
            Roles.ADMIN, "District staff who administer everything",
            Roles.SOCIAL_WORKER, "A social worker, bound to the community in the token's community claim",
            Roles.VOLUNTEER, "A volunteer, through the login linked to their record",
            Roles.INTEGRATOR, "A partner system (client credentials), narrowed by its scope claim",
            Roles.IDENTITY_PROVIDER, "The realm's own client, asking for login codes");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null
                || !openAPI.getComponents().getSecuritySchemes().containsKey(BEARER)) {
            return;
        }
        Map<String, String> scopes = new TreeMap<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem path : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : path.getOperations().values()) {
                    moveRoles(operation, scopes);
                }
            }
        }
        String realm = ConfigProvider.getConfig().getOptionalValue(REALM_PROPERTY, String.class).orElse(DEFAULT_REALM);
        openAPI.getComponents().removeSecurityScheme(BEARER);
        openAPI.getComponents().addSecurityScheme(DISCOVERY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(realm + "/.well-known/openid-configuration")
                .description("The Keycloak realm's discovery document; its tokens are the ones '" + OAUTH2
                        + "' describes"));
        openAPI.getComponents().addSecurityScheme(OAUTH2, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("A bearer JWT of the Keycloak realm 'linkage'. Scopes are realm roles, carried in the"
                        + " token's groups claim; an operation needs one of those it lists.")
                .flows(OASFactory.createOAuthFlows()
                        .authorizationCode(flow(realm, scopes).authorizationUrl(
                                realm + "/protocol/openid-connect/auth"))
                        .clientCredentials(flow(realm, scopes))));
    }

    private static void moveRoles(Operation operation, Map<String, String> scopes) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null) {
            return;
        }
        operation.setSecurity(requirements.stream().map(requirement -> {
            if (requirement.getScheme(BEARER) == null) {
                return requirement;
            }
            List<String> roles = requirement.getScheme(BEARER);
            roles.forEach(role -> scopes.put(role, ROLES.getOrDefault(role, "Realm role " + role)));
            return OASFactory.createSecurityRequirement().addScheme(OAUTH2, roles);
        }).toList());
    }

    private static OAuthFlow flow(String realm, Map<String, String> scopes) {
        return OASFactory.createOAuthFlow().tokenUrl(realm + "/protocol/openid-connect/token").scopes(scopes);
    }
}
