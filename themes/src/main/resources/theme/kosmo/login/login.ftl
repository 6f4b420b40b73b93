<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "passkeys.ftl" as passkeys>
<#-- 【2】 User ID + initial password. Built from keycloak.v2's macros (field, buttons, passkeys). keycloak.v2's login.ftl
     has no hook for what differs here, so the page is ours: the heading is the realm's display name (its header is
     the fixed message loginAccountTitle), the forgot-user-ID link sits in the form (when switched on), and the info
     band with the two notes for members is always shown (keycloak.v2 shows it only when registration is allowed). -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=true; section>
    <#if section = "header">
        ${realm.displayName!msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if realm.password>
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <@field.input name="username" label=msg("username") error=messagesPerField.getFirstError('username','password')
                            autofocus=true autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}" value=login.username!'' />
                    </#if>
                    <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                        <#if realm.rememberMe && !usernameHidden??>
                            <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                        </#if>
                    </@field.password>
                    <#-- set by our auth-username-password-form when its settings switch the forgot-user-ID page on -->
                    <#if kosmoForgotUserIdUrl??>
                        <div class="${properties.kcFormHelperTextClass}">
                            <a id="kc-forgot-user-id" href="${kosmoForgotUserIdUrl}">${msg("kosmoForgotUserId")}</a>
                        </div>
                    </#if>
                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
            </#if>
          </div>
        </div>
        <@passkeys.conditionalUIData />
    <#elseif section = "info">
        <ul id="kosmo-login-notes" class="kosmo-login-notes">
            <li id="kosmo-note-first-time" class="kosmo-note">
                <span class="kosmo-note-title">${msg("kosmoLoginNoteFirstTimeTitle")}</span> : ${msg("kosmoLoginNoteFirstTime")}
            </li>
            <li id="kosmo-note-returning" class="kosmo-note">
                <span class="kosmo-note-title">${msg("kosmoLoginNoteReturningTitle")}</span> : ${msg("kosmoLoginNoteReturning")}
            </li>
        </ul>
    </#if>
</@layout.registrationLayout>
