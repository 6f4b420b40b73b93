<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- Recovery codes after a passkey or app enrolment (required action kosmo-recovery-codes): Keycloak's codes, printable -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('kosmoSaved'); section>
    <#if section = "header">
        ${msg("kosmoRecoveryCodesTitle")}
    <#elseif section = "form">
        <style media="print">
            body * { visibility: hidden; }
            #kosmo-recovery-codes-sheet, #kosmo-recovery-codes-sheet * { visibility: visible; }
            #kosmo-recovery-codes-sheet { position: absolute; left: 0; top: 0; }
        </style>
        <p id="kosmo-recovery-codes-instruction" class="kosmo-instruction">${msg("kosmoRecoveryCodesInstruction")}</p>
        <div id="kosmo-recovery-codes-sheet">
            <p class="kosmo-note">${msg("kosmoRecoveryCodesSheetTitle")}</p>
            <ol id="kosmo-recovery-codes-list" class="kosmo-recovery-codes">
                <#list recoveryAuthnCodesConfigBean.generatedRecoveryAuthnCodesList as code>
                    <li><code>${code[0..3]}-${code[4..7]}-${code[8..]}</code></li>
                </#list>
            </ol>
            <p class="kosmo-note">${msg("kosmoRecoveryCodesOnce")}</p>
        </div>
        <@buttons.actionGroup>
            <button id="kosmo-recovery-codes-print" type="button" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" onclick="window.print()">${msg("kosmoRecoveryCodesPrint")}</button>
        </@buttons.actionGroup>
        <form id="kosmo-recovery-codes-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <input type="hidden" name="generatedRecoveryAuthnCodes" value="${recoveryAuthnCodesConfigBean.generatedRecoveryAuthnCodesAsString}"/>
            <input type="hidden" name="generatedAt" value="${recoveryAuthnCodesConfigBean.generatedAt?c}"/>
            <input type="hidden" name="userLabel" value="${msg("kosmoRecoveryCodesLabel")}"/>
            <@field.group name="kosmoSaved" label="" error=messagesPerField.get('kosmoSaved')>
                <#-- v2's checkbox has no aria attributes: while the tick is missing, the box points at its error -->
                <#assign savedBox><@field.checkbox name="kosmoSaved" label=msg("kosmoRecoveryCodesConfirm")/></#assign>
                <#if messagesPerField.existsError('kosmoSaved')>
                    ${savedBox?markup_string?replace('name="kosmoSaved"', 'name="kosmoSaved" aria-invalid="true" aria-describedby="input-error-kosmoSaved"')?no_esc}
                <#else>
                    ${savedBox}
                </#if>
            </@field.group>
            <@buttons.actionGroup>
                <@buttons.button id="kosmo-recovery-codes-save" name="save" label="kosmoRecoveryCodesSave"/>
                <#if kosmoRecoveryCodesOptional!false>
                    <@buttons.button id="kosmo-recovery-codes-skip" name="skip" label="kosmoRecoveryCodesSkip" type="secondary"/>
                </#if>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
