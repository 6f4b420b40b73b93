<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【5】 メールアドレスの設定 (required action kosmo-verified-email, first page) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('email') displayRequiredFields=true; section>
    <#if section = "header">
        ${msg("kosmoVerifiedEmailTitle")}
    <#elseif section = "form">
        <@kosmo.alert type="warning" id="kosmo-verified-email-instruction">${msg("kosmoVerifiedEmailInstruction")}</@kosmo.alert>
        <form id="kc-verified-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="kosmoAction" value="address"/>
            <@kosmo.input name="email" label=msg("kosmoVerifiedEmailLabel") value=(kosmoEmailValue!'') required=true
                autocomplete="email" inputmode="email" autofocus=true spellcheck="false" autocapitalize="off"/>
            <@field.checkbox name="logout-sessions" label=msg("kosmoVerifiedEmailLogoutAll") value=(kosmoLogoutSessions!false)/>
            <@buttons.actionGroup>
                <@buttons.button id="kc-verified-email-submit" label="kosmoDoExecute"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
