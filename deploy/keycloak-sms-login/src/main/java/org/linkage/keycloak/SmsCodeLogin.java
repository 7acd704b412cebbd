package org.linkage.keycloak;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

import java.util.List;

/**
 * What both phone-number logins are to Keycloak alike (each is its own factory): they find the user themselves
 * from the number, need nothing set up per user, and take the settings of {@link TextedCodes}.
 */
interface SmsCodeLogin extends Authenticator, AuthenticatorFactory {

    @Override
    default boolean requiresUser() {
        return false;
    }

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    default String getReferenceCategory() {
        return "sms-code";
    }

    @Override
    default boolean isConfigurable() {
        return true;
    }

    @Override
    default Requirement[] getRequirementChoices() {
        return new Requirement[]{Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    default boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    default List<ProviderConfigProperty> getConfigProperties() {
        return TextedCodes.configProperties();
    }
}
