<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【6】 the mail's link, opened in any browser or device. It confirms (so that mail scanners fetching links verify
     nothing), then sends the member back to the original screen 【7】. It never continues a login itself. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if kosmoLinkState == "CONFIRM">
            ${msg("kosmoVerifiedEmailLinkTitle")}
        <#elseif kosmoLinkState == "VERIFIED">
            ${msg("kosmoVerifiedEmailLinkVerifiedTitle")}
        <#elseif kosmoLinkState == "ALREADY_VERIFIED">
            ${msg("kosmoVerifiedEmailLinkAlreadyTitle")}
        <#else>
            ${msg("kosmoVerifiedEmailLinkStaleTitle")}
        </#if>
    <#elseif section = "form">
        <div id="kosmo-verified-email-link" data-state="${kosmoLinkState}">
            <#if kosmoLinkState == "CONFIRM">
                <p id="kosmo-verified-email-link-text" class="kosmo-instruction">${msg("kosmoVerifiedEmailLinkConfirm")}</p>
                <p><strong id="kosmo-verified-email-address" class="kosmo-address">${kosmoEmailAddress}</strong></p>
                <form id="kc-verified-email-link-form" class="${properties.kcFormClass!}" action="${kosmoConfirmAction}" method="get">
                    <#list kosmoConfirmParameters as name, value>
                        <input type="hidden" name="${name}" value="${value}"/>
                    </#list>
                    <@buttons.actionGroup>
                        <@buttons.button id="kosmo-verified-email-link-confirm" label="kosmoVerifiedEmailLinkDoConfirm"/>
                    </@buttons.actionGroup>
                </form>
            <#else>
                <@kosmo.alert type=(kosmoLinkState == "STALE")?then("warning", "success") textId="kosmo-verified-email-link-text"><#if kosmoLinkState == "VERIFIED">${msg("kosmoVerifiedEmailLinkVerified")}<#elseif kosmoLinkState == "ALREADY_VERIFIED">${msg("kosmoVerifiedEmailLinkAlready")}<#else>${msg("kosmoVerifiedEmailLinkStale")}</#if></@kosmo.alert>
                <#if kosmoEmailAddress?has_content && kosmoLinkState != "STALE">
                    <p><strong id="kosmo-verified-email-address" class="kosmo-address">${kosmoEmailAddress}</strong></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
