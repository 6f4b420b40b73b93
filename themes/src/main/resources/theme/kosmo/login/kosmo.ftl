<#import "field.ftl" as field>
<#-- KOSMO's own building blocks for our pages, made of keycloak.v2's macros (field.group, field.errorIcon) and
     properties only: no PatternFly class is named here (the kosmo*Class properties of theme.properties hold the
     ones keycloak.v2 has no property for). -->

<#-- A text field in keycloak.v2's field.group, with what field.input has no parameter for: the input type,
     inputmode, placeholder, maxlength and extra attributes; its error is tied to it (aria-describedby). -->
<#macro input name label value="" type="text" error=messagesPerField.get(name) required=false autocomplete="off"
        autofocus=false inputmode="" placeholder="" maxlength="" extra...>
    <@field.group name=name label=label error=error required=required>
        <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
            <input id="${name}" name="${name}" type="${type}" value="${value}" autocomplete="${autocomplete}"
                   <#if inputmode?has_content>inputmode="${inputmode}"</#if>
                   <#if placeholder?has_content>placeholder="${placeholder}"</#if>
                   <#if maxlength?has_content>maxlength="${maxlength}"</#if>
                   <#if autofocus>autofocus</#if> <#if required>aria-required="true"</#if>
                   <#list extra as attribute, attributeValue>${attribute}="${attributeValue}" </#list>
                   aria-invalid="<#if error?has_content>true</#if>"
                   <#if error?has_content>aria-describedby="input-error-${name}"</#if>/>
            <@field.errorIcon error=error/>
        </span>
    </@field.group>
</#macro>

<#-- The error under a group of fields that is not one field (the chooser's radio buttons), as field.group
     shows a field's error: same markup, same id input-error-<name> for aria-describedby, announced. -->
<#macro error name error>
    <#if error?has_content>
        <div class="${properties.kcFormHelperTextClass}" aria-live="polite">
            <div class="${properties.kcInputHelperTextClass}">
                <div class="${properties.kcInputHelperTextItemClass} ${properties.kcError}" id="input-error-${name}">
                    <span class="${properties.kcInputErrorMessageClass}">${error}</span>
                </div>
            </div>
        </div>
    </#if>
</#macro>

<#-- An inline alert with its icon, as keycloak.v2's template shows the page message; type is info, warning,
     success or danger. The text goes in the nested content. -->
<#macro alert type id="" textId="">
    <div <#if id?has_content>id="${id}"</#if> class="${properties.kcAlertClass!} ${properties['kosmoAlert' + type?cap_first + 'Class']!}">
        <div class="${properties.kcAlertIconClass!}">
            <span class="${properties['kcFeedback' + (type == 'danger')?then('Error', type?cap_first) + 'Icon']!}" aria-hidden="true"></span>
        </div>
        <p <#if textId?has_content>id="${textId}"</#if> class="${properties.kcAlertTitleClass!} kosmo-instruction"><#nested></p>
    </div>
</#macro>
