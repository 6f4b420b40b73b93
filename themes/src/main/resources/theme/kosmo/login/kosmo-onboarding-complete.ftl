<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kosmo.ftl" as kosmo>
<#-- 【10】 初回ログインが完了しました (required action kosmo-onboarding-complete); 【11】 when enrolment waits for the next login -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("kosmoCompleteTitle")}
    <#elseif section = "form">
        <#if kosmoEnrolNextLogin>
            <@kosmo.alert type="warning" id="kosmo-complete-next-login">${msg("kosmoCompleteNextLogin")}</@kosmo.alert>
        <#else>
            <p id="kosmo-complete-text" class="kosmo-instruction">${msg("kosmoCompleteText")}</p>
        </#if>
        <form id="kc-complete-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="kc-complete-submit" name="submit" label=kosmoEnrolNextLogin?then("kosmoCompleteToLogout", "kosmoCompleteContinue")/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
