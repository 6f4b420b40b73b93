<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【4】 利用規約 (required action kosmo-terms). The terms text is the message kosmoTermsText (HTML, sanitised);
     admins replace it per language through the realm's localization overrides. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${msg("kosmoTermsTitle")}
    <#elseif section = "form">
        <#if kosmoTermsRevised??>
            <@kosmo.alert type="info" id="kosmo-terms-revised">${msg("kosmoTermsRevised")}</@kosmo.alert>
        </#if>
        <p id="kosmo-terms-instruction" class="kosmo-instruction">${msg("kosmoTermsInstruction")}</p>
        <div id="kosmo-terms-text" class="kosmo-terms-box" tabindex="0" role="region" aria-labelledby="kc-page-title">
            ${kcSanitize(msg("kosmoTermsText"))?no_esc}
        </div>
        <p id="kosmo-terms-version" class="kosmo-terms-version">${msg("kosmoTermsVersionLabel", kosmoTermsVersion)}</p>
        <form id="kc-terms-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <input type="hidden" name="version" value="${kosmoTermsVersion}"/>
            <@buttons.actionGroup>
                <@buttons.button name="accept" id="kc-terms-accept" label="kosmoTermsAccept"/>
                <@buttons.button name="decline" id="kc-terms-decline" label="kosmoTermsDecline" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
