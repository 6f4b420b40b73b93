<#import "field.ftl" as field>
<#--
  Fixes to keycloak.v2 that apply to every login page, Keycloak's and ours, without copying its templates.
  footer.ftl imports this file; keycloak.v2's template.ftl imports footer.ftl before it renders anything, and
  FreeMarker shares one namespace per imported file within a page, so what is set here is what template.ftl and
  field.ftl use on this page:

  1. <title>: template.ftl writes <title>${title!}</title>, and Keycloak gives every page the same title
     ("loginTitle" with the realm's name). A global variable hides the data model's, so "title" is set here to
     "<the step> | <the service>" from the message kosmoPageTitle.<page id> (kosmoPageTitle.<page id>.<state> for
     the mail-link page), kept as Keycloak's where a page has no such message.
  2. The read-only user ID that template.ftl shows on the pages after the login page (its macro "username") has a
     label pointing at no field (for="username", the field being kc-attempted-username): the label is pointed at it.
     The fix sits in field.group, which that macro calls: template.ftl itself is still being read when this file
     runs, and its own #macro directives would overwrite a macro set into its namespace from here.
  3. field.input and field.password show a field's error under it (id input-error-<name>, aria-live) without tying
     it to the field: the field gets aria-describedby="input-error-<name>" while it has an error.
  2 and 3 wrap keycloak.v2's macro and change one attribute of its output; they copy none of its markup.
-->

<#assign kosmoPageKey = "kosmoPageTitle." + (pageId!"") + (kosmoLinkState??)?then("." + (kosmoLinkState!""), "")>
<#if msg(kosmoPageKey) != kosmoPageKey>
    <#global title = msg("kosmoPageTitleFormat", msg(kosmoPageKey), msg("kosmoServiceName"))>
</#if>

<#assign keycloakGroup = field.group>
<#macro group name label error="" required=false>
    <#local html><@keycloakGroup name=name label=label error=error required=required><#nested></@keycloakGroup></#local>
    <#if name == "username" && html?markup_string?contains('id="kc-attempted-username"')>
        ${html?markup_string?replace('for="username"', 'for="kc-attempted-username"')?no_esc}
    <#else>
        ${html}
    </#if>
</#macro>
<#assign group = group in field>

<#function describedBy html name error>
    <#if !error?has_content>
        <#return html>
    </#if>
    <#return html?markup_string?replace('aria-invalid="true"', 'aria-invalid="true" aria-describedby="input-error-${name}"')?no_esc>
</#function>

<#assign keycloakInput = field.input>
<#macro input name label value="" required=false autocomplete="off" fieldName=name error=messagesPerField.get(fieldName) autofocus=false>
    <#local html><@keycloakInput name=name label=label value=value required=required autocomplete=autocomplete
        fieldName=fieldName error=error autofocus=autofocus/></#local>
    ${describedBy(html, name, error)}
</#macro>
<#assign input = input in field>

<#assign keycloakPassword = field.password>
<#macro password name label value="" required=false forgotPassword=false fieldName=name error=messagesPerField.get(fieldName) autocomplete="off" autofocus=false>
    <#local html><@keycloakPassword name=name label=label value=value required=required forgotPassword=forgotPassword
        fieldName=fieldName error=error autocomplete=autocomplete autofocus=autofocus><#nested></@keycloakPassword></#local>
    ${describedBy(html, name, error)}
</#macro>
<#assign password = password in field>
