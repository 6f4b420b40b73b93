<#import "kosmo-hooks.ftl" as kosmoHooks>
<#-- keycloak.v2 hook at the bottom of every page, and the one file of ours its template.ftl imports: the import
     above applies kosmo-hooks.ftl (page titles, labels, field errors) to every page. KOSMO puts the onboarding step
     here ("ステップ 3 / 6"); kosmo-pf.css shows this footer above the page title. The attribute is set by our
     providers. On a second-factor page it also offers the recovery (authenticator kosmo-phone-recovery) when the
     flow has it. -->
<#macro content>
  <#if kosmoStep??>
    <p id="kosmo-step" class="kosmo-step" aria-live="polite">${msg("kosmoStepOf", kosmoStep.number, kosmoStep.total)}</p>
  </#if>
  <#if !(kosmoRecoveryPage??) && auth?has_content && (auth.authenticationSelections)?has_content>
    <#list auth.authenticationSelections as selection>
      <#if selection.authenticationExecution.authenticator == "kosmo-phone-recovery">
        <form id="kosmo-recovery-form" class="kosmo-recovery-link" action="${url.loginAction}" method="post" novalidate="novalidate">
          <input type="hidden" name="authenticationExecution" value="${selection.authExecId}"/>
          <button id="kosmo-recovery-link" type="submit" class="${properties.kosmoButtonLinkClass}">${msg("kosmoRecoveryLink")}</button>
        </form>
      </#if>
    </#list>
  </#if>
</#macro>
