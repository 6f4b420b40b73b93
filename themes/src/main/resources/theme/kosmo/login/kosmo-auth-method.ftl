<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【8】 認証方法を選択します (required action kosmo-auth-method) -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('method'); section>
    <#if section = "header">
        ${msg("kosmoAuthMethodTitle")}
    <#elseif section = "form">
        <p class="kosmo-instruction">${msg("kosmoAuthMethodInstruction")}</p>
        <form id="kc-auth-method-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <fieldset class="kosmo-methods" <#if messagesPerField.existsError('method')>aria-describedby="input-error-method"</#if>>
                <legend class="${properties.kosmoScreenReaderClass}">${msg("kosmoAuthMethodTitle")}</legend>
                <#list kosmoMethods as method>
                    <label class="kosmo-method" for="kosmo-method-${method}">
                        <input type="radio" id="kosmo-method-${method}" name="method" value="${method}"
                               <#if messagesPerField.existsError('method')>aria-invalid="true"</#if>/>
                        <span>
                            <span class="kosmo-method-name">${msg("kosmoAuthMethod." + method)}</span>
                            <span class="kosmo-method-help">${msg("kosmoAuthMethod." + method + ".help")}</span>
                        </span>
                    </label>
                </#list>
            </fieldset>
            <@kosmo.error name="method" error=messagesPerField.get('method')/>
            <p class="kosmo-note">${msg("kosmoAuthMethodOtpNote")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kc-auth-method-submit" name="submit" label="kosmoDoNext"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
