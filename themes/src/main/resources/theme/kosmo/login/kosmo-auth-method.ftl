<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- 【8】 認証方法を選択します (required action kosmo-auth-method) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('method'); section>
    <#if section = "header">
        ${msg("kosmoAuthMethodTitle")}
    <#elseif section = "form">
        <p class="kosmo-instruction">${msg("kosmoAuthMethodInstruction")}</p>
        <form id="kc-auth-method-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <fieldset class="kosmo-methods" aria-describedby="input-error-method">
                <legend class="pf-v5-screen-reader">${msg("kosmoAuthMethodTitle")}</legend>
                <#list kosmoMethods as method>
                    <label class="kosmo-method" for="kosmo-method-${method}">
                        <input type="radio" id="kosmo-method-${method}" name="method" value="${method}"/>
                        <span>
                            <span class="kosmo-method-name">${msg("kosmoAuthMethod." + method)}</span>
                            <span class="kosmo-method-help">${msg("kosmoAuthMethod." + method + ".help")}</span>
                        </span>
                    </label>
                </#list>
            </fieldset>
            <#if messagesPerField.existsError('method')>
                <div class="${properties.kcFormHelperTextClass}" aria-live="polite">
                    <div class="${properties.kcInputHelperTextClass}">
                        <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-method">
                            <span class="${properties.kcInputErrorMessageClass}">${kcSanitize(messagesPerField.get('method'))?no_esc}</span>
                        </div>
                    </div>
                </div>
            </#if>
            <p class="kosmo-note">${msg("kosmoAuthMethodOtpNote")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kc-auth-method-submit" name="submit" label="kosmoDoNext"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
