<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- 【3】 生年月日の入力 (authenticator kosmo-birthdate) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('birthdate'); section>
    <#if section = "header">
        ${msg("kosmoBirthdateTitle")}
    <#elseif section = "form">
        <#if kosmoBirthdateMissing??>
            <#-- nothing to type: the layout shows why and whom to contact -->
        <#else>
            <div id="kosmo-birthdate-instruction" class="${properties.kcAlertClass!} pf-m-warning">
                <div class="${properties.kcAlertIconClass!}"><span class="${properties.kcFeedbackWarningIcon!}" aria-hidden="true"></span></div>
                <p class="${properties.kcAlertTitleClass!} kosmo-instruction">${msg("kosmoBirthdateInstruction")}</p>
            </div>
            <form id="kc-birthdate-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <#assign birthdateError = messagesPerField.get('birthdate')>
                <@field.group name="birthdate" label=msg("kosmoBirthdateLabel") error=birthdateError>
                    <span class="${properties.kcInputClass} <#if birthdateError?has_content>${properties.kcError}</#if>">
                        <input id="birthdate" name="birthdate" type="text" value="${kosmoBirthdateValue!''}"
                               placeholder="${msg("kosmoBirthdatePlaceholder")}" inputmode="numeric" autocomplete="bday" autofocus
                               aria-invalid="<#if birthdateError?has_content>true</#if>"
                               <#if birthdateError?has_content>aria-describedby="input-error-birthdate"</#if>/>
                        <@field.errorIcon error=birthdateError/>
                    </span>
                </@field.group>
                <@buttons.actionGroup>
                    <@buttons.button id="kc-birthdate-submit" name="submit" label="kosmoDoExecute"/>
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
