<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- 「ユーザIDを忘れた方はこちら」: address (+ birthdate) → the same answer whoever asked (realm resource kosmo-forgot-user-id) -->
<#assign page = kosmoForgotUserId>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('email','birthdate'); section>
    <#if section = "header">
        ${msg("kosmoForgotUserIdTitle")}
    <#elseif section = "form">
        <#if page.mode == "form">
            <p id="kosmo-forgot-user-id-instruction" class="kosmo-instruction">
                ${msg(page.birthdateRequired?then("kosmoForgotUserIdInstruction", "kosmoForgotUserIdInstructionEmailOnly"))}
            </p>
            <form id="kosmo-forgot-user-id-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="csrf" value="${page.csrf}"/>
                <#assign emailError = messagesPerField.get('email')>
                <@field.group name="email" label=msg("kosmoForgotUserIdEmailLabel") error=emailError>
                    <span class="${properties.kcInputClass} <#if emailError?has_content>${properties.kcError}</#if>">
                        <input id="email" name="email" type="email" value="${page.email}" inputmode="email" autocomplete="email"
                               maxlength="254" autofocus aria-invalid="<#if emailError?has_content>true</#if>"
                               <#if emailError?has_content>aria-describedby="input-error-email"</#if>/>
                        <@field.errorIcon error=emailError/>
                    </span>
                </@field.group>
                <#if page.birthdateRequired>
                    <#assign birthdateError = messagesPerField.get('birthdate')>
                    <@field.group name="birthdate" label=msg("kosmoBirthdateLabel") error=birthdateError>
                        <span class="${properties.kcInputClass} <#if birthdateError?has_content>${properties.kcError}</#if>">
                            <input id="birthdate" name="birthdate" type="text" value="${page.birthdate}"
                                   placeholder="${msg("kosmoBirthdatePlaceholder")}" inputmode="numeric" autocomplete="bday"
                                   aria-invalid="<#if birthdateError?has_content>true</#if>"
                                   <#if birthdateError?has_content>aria-describedby="input-error-birthdate"</#if>/>
                            <@field.errorIcon error=birthdateError/>
                        </span>
                    </@field.group>
                </#if>
                <@buttons.actionGroup>
                    <@buttons.button id="kosmo-forgot-user-id-submit" name="submit" label="kosmoForgotUserIdSubmit"/>
                </@buttons.actionGroup>
            </form>
        <#elseif page.mode == "sent">
            <p id="kosmo-forgot-user-id-sent" class="kosmo-instruction">${msg("kosmoForgotUserIdSent")}</p>
        </#if>
        <div id="kosmo-forgot-user-id-back" class="${properties.kcFormGroupClass!}">
            <a id="kosmo-back-to-login" href="${page.loginUrl}">${msg("kosmoForgotUserIdBackToLogin")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
