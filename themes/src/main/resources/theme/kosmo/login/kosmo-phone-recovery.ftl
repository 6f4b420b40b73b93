<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- スマートフォンを変更した・認証できない方 (authenticator kosmo-phone-recovery): a recovery code, or a mailed code + birthdate -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('recoveryCode','otp','birthdate'); section>
    <#if section = "header">
        ${msg("kosmoRecoveryTitle")}
    <#elseif section = "form" && (kosmoRecoveryMode!'none') = "code">
        <p id="kosmo-recovery-instruction" class="kosmo-instruction">${msg("kosmoRecoveryCodeInstruction", kosmoRecoveryCodeNumber!'')}</p>
        <form id="kc-recovery-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="recoveryCode" label=msg("kosmoRecoveryCodeLabel", kosmoRecoveryCodeNumber!'') autocomplete="off" autofocus=true/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-recovery-submit" name="login" label="kosmoRecoveryContinue"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "form" && (kosmoRecoveryMode!'none') = "mail">
        <p id="kosmo-recovery-instruction" class="kosmo-instruction">${msg("kosmoRecoveryMailInstruction", kosmoCodeEmail!'', kosmoCodeTtlMinutes)}</p>
        <form id="kc-recovery-mail-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.input name="otp" label=msg("kosmoEmailOtpLabel") autocomplete="one-time-code" autofocus=true/>
            <@field.input name="birthdate" label=msg("kosmoBirthdateLabel") autocomplete="bday"/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-recovery-submit" name="login" label="kosmoRecoveryContinue"/>
            </@buttons.actionGroup>
        </form>
        <form id="kc-recovery-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <p class="kosmo-note">${msg("kosmoEmailOtpResendHelp", kosmoCodeCooldownSeconds)}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kc-recovery-resend" name="resend" label="kosmoEmailOtpResend" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    <#elseif section = "form">
        <#-- no recovery codes and no mail: the alert above says to contact the union; there is no way on -->
    </#if>
</@layout.registrationLayout>
