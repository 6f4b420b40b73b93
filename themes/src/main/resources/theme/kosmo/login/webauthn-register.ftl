<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "password-commons.ftl" as passwordCommons>
<#import "buttons.ftl" as buttons>
<#-- 2-1 / 2-2 passkey registration. Same as keycloak.v2's page, but the device name (manual 【6】 「パスキー」)
     is typed on the page instead of in a browser prompt: Keycloak's webauthnRegister.js asks window.prompt for
     the label, and this page answers it with the field's value. keycloak.v2's page has no hook for a field in its
     form nor for the script's arguments, so the whole page is ours; compare it with keycloak.v2's on every upgrade. -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("webauthn-registration-title")}
    <#elseif section = "form">
    <div class="${properties.kcFormClass!}">
        <p class="kosmo-instruction">${msg("kosmoPasskeyInstruction")}</p>
        <form id="register" action="${url.loginAction}" method="post">
            <input type="hidden" id="clientDataJSON" name="clientDataJSON"/>
            <input type="hidden" id="attestationObject" name="attestationObject"/>
            <input type="hidden" id="publicKeyCredentialId" name="publicKeyCredentialId"/>
            <input type="hidden" id="authenticatorLabel" name="authenticatorLabel"/>
            <input type="hidden" id="transports" name="transports"/>
            <input type="hidden" id="authenticatorAttachment" name="authenticatorAttachment"/>
            <input type="hidden" id="error" name="error"/>
            <@field.input name="kosmoDeviceName" label=msg("kosmoPasskeyDeviceName") value=msg("kosmoPasskeyDefaultName") error=""/>
            <@passwordCommons.logoutOtherSessions/>
        </form>

        <script type="module">
            <#outputformat "JavaScript">
            import { registerByWebAuthn } from "${url.resourcesPath}/js/webauthnRegister.js";
            const deviceName = document.getElementById("kosmoDeviceName");
            const fallbackName = ${msg("kosmoPasskeyDefaultName")?c};
            window.prompt = () => (deviceName.value || "").trim() || fallbackName;
            const registerButton = document.getElementById("registerWebAuthn");
            registerButton.addEventListener("click", function(event) {
                event.preventDefault();
                registerButton.disabled = true;
                registerByWebAuthn({
                    challenge : ${challenge?c},
                    userid : ${userid?c},
                    username : ${username?c},
                    signatureAlgorithms : [<#list signatureAlgorithms as sigAlg>${sigAlg?c},</#list>],
                    rpEntityName : ${rpEntityName?c},
                    rpId : ${rpId?c},
                    attestationConveyancePreference : ${attestationConveyancePreference?c},
                    authenticatorAttachment : ${authenticatorAttachment?c},
                    requireResidentKey : ${requireResidentKey?c},
                    residentKey : ${residentKey?c},
                    userVerificationRequirement : ${userVerificationRequirement?c},
                    createTimeout : ${createTimeout?c},
                    excludeCredentialIds : ${excludeCredentialIds?c},
                    initLabel : fallbackName,
                    initLabelPrompt : "",
                    errmsg : ${msg("webauthn-unsupported-browser-text")?c}
                });
            });
            </#outputformat>
        </script>

        <@buttons.actionGroup horizontal=true>
            <@buttons.button id="registerWebAuthn" label="kosmoDoNext"/>
            <#if !isSetRetry?has_content && isAppInitiatedAction?has_content>
                <form class="${properties.kcFormClass!}" action="${url.loginAction}" id="kc-webauthn-settings-form" method="post">
                    <@buttons.button id="cancelWebAuthnAIA" name="cancel-aia" label="doCancel" type="secondary"/>
                </form>
            </#if>
        </@buttons.actionGroup>
    </div>
    </#if>
</@layout.registrationLayout>
