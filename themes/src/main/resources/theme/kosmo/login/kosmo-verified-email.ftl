<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- 【5】 メールアドレスの設定 (required action kosmo-verified-email, first page) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('email') displayRequiredFields=true; section>
    <#if section = "header">
        ${msg("kosmoVerifiedEmailTitle")}
    <#elseif section = "form">
        <div id="kosmo-verified-email-instruction" class="${properties.kcAlertClass!} pf-m-warning">
            <div class="${properties.kcAlertIconClass!}"><span class="${properties.kcFeedbackWarningIcon!}" aria-hidden="true"></span></div>
            <p class="${properties.kcAlertTitleClass!} kosmo-instruction">${msg("kosmoVerifiedEmailInstruction")}</p>
        </div>
        <form id="kc-verified-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kosmoAction" value="address"/>
            <#assign emailError = messagesPerField.get('email')>
            <@field.group name="email" label=msg("kosmoVerifiedEmailLabel") error=emailError required=true>
                <span class="${properties.kcInputClass} <#if emailError?has_content>${properties.kcError}</#if>">
                    <input id="email" name="email" type="text" value="${kosmoEmailValue!''}" autocomplete="email" autofocus
                           inputmode="email" spellcheck="false" autocapitalize="off"
                           aria-required="true" aria-invalid="<#if emailError?has_content>true</#if>"
                           <#if emailError?has_content>aria-describedby="input-error-email"</#if>/>
                    <@field.errorIcon error=emailError/>
                </span>
            </@field.group>
            <@field.checkbox name="logout-sessions" label=msg("kosmoVerifiedEmailLogoutAll") value=(kosmoLogoutSessions!false)/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-verified-email-submit" label="kosmoDoExecute"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
