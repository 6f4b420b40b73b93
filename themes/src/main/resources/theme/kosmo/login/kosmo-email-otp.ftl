<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- Later logins: the one-time password sent by email (authenticator kosmo-email-otp) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('otp'); section>
    <#if section = "header">
        ${msg("kosmoEmailOtpTitle")}
    <#elseif section = "form" && (kosmoCodeNoAddress!false)>
        <#-- no verified address: the factor fails closed, the alert above says to contact the union -->
    <#elseif section = "form">
        <p id="kosmo-email-otp-instruction" class="kosmo-instruction">${msg("kosmoEmailOtpInstruction", kosmoCodeEmail!'', kosmoCodeTtlMinutes)}</p>
        <form id="kc-email-otp-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kosmo.input name="otp" label=msg("kosmoEmailOtpLabel") autocomplete="one-time-code" inputmode="numeric" autofocus=true/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-email-otp-submit" name="login" label="doLogIn"/>
            </@buttons.actionGroup>
        </form>
        <form id="kc-email-otp-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p class="kosmo-note">${msg("kosmoEmailOtpResendHelp", kosmoCodeCooldownSeconds)}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kc-email-otp-resend" name="resend" label="kosmoEmailOtpResend" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
