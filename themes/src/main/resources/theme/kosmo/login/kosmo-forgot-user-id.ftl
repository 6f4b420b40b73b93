<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
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
                <@kosmo.input name="email" label=msg("kosmoForgotUserIdEmailLabel") value=page.email type="email"
                    inputmode="email" autocomplete="email" maxlength="254" autofocus=true/>
                <#if page.birthdateRequired>
                    <@kosmo.input name="birthdate" label=msg("kosmoBirthdateLabel") value=page.birthdate
                        placeholder=msg("kosmoBirthdatePlaceholder") inputmode="numeric" autocomplete="bday"/>
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
