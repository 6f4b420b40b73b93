<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【6】/【7】 the mail was sent: verify by the code here, or by the link on any device and continue here
     (required action kosmo-verified-email, second page) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('code'); section>
    <#if section = "header">
        ${msg("kosmoVerifiedEmailCodeTitle")}
    <#elseif section = "form">
        <div id="kosmo-verified-email-sent" class="kosmo-verified-email-sent">
            <p class="kosmo-instruction">${msg("kosmoVerifiedEmailSentTo")}</p>
            <p><strong id="kosmo-verified-email-address" class="kosmo-address">${kosmoEmailAddress}</strong></p>
            <p class="kosmo-instruction">${msg("kosmoVerifiedEmailHowTo", kosmoCodeLifetimeMinutes)}</p>
        </div>

        <form id="kc-verified-email-code-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kosmoAction" value="verify"/>
            <@kosmo.input name="code" label=msg("kosmoVerifiedEmailCodeLabel") autocomplete="one-time-code" inputmode="numeric" autofocus=true/>
            <@buttons.actionGroup>
                <@buttons.button id="kosmo-verified-email-verify" label="kosmoVerifiedEmailDoVerify"/>
            </@buttons.actionGroup>
        </form>

        <form id="kc-verified-email-continue-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kosmoAction" value="continue"/>
            <p id="kosmo-verified-email-continue-hint" class="kosmo-instruction">${msg("kosmoVerifiedEmailContinueHint")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kosmo-verified-email-continue" label="kosmoVerifiedEmailDoContinue" type="secondary"/>
            </@buttons.actionGroup>
        </form>

        <form id="kc-verified-email-resend-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kosmoAction" value="resend"/>
            <p id="kosmo-verified-email-resend-hint" class="kosmo-instruction">${msg("kosmoVerifiedEmailResendHint", kosmoResendCooldownSeconds)}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kosmo-verified-email-resend" label="kosmoVerifiedEmailDoResend" type="secondary"/>
            </@buttons.actionGroup>
        </form>

        <form id="kc-verified-email-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kosmoAction" value="change"/>
            <@buttons.actionGroup>
                <@buttons.button id="kosmo-verified-email-change" label="kosmoVerifiedEmailDoChange" type="link"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
