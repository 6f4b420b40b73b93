<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【3】 生年月日の入力 (authenticator kosmo-birthdate) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('birthdate'); section>
    <#if section = "header">
        ${msg("kosmoBirthdateTitle")}
    <#elseif section = "form">
        <#if kosmoBirthdateMissing??>
            <#-- nothing to type: the layout shows why and whom to contact -->
        <#else>
            <@kosmo.alert type="warning" id="kosmo-birthdate-instruction">${msg("kosmoBirthdateInstruction")}</@kosmo.alert>
            <form id="kc-birthdate-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <@kosmo.input name="birthdate" label=msg("kosmoBirthdateLabel") value=(kosmoBirthdateValue!'')
                    placeholder=msg("kosmoBirthdatePlaceholder") inputmode="numeric" autocomplete="bday" autofocus=true/>
                <@buttons.actionGroup>
                    <@buttons.button id="kc-birthdate-submit" name="submit" label="kosmoDoExecute"/>
                </@buttons.actionGroup>
            </form>
        </#if>
    </#if>
</@layout.registrationLayout>
