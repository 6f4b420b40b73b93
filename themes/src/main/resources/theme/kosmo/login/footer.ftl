<#import "kosmo-hooks.ftl" as kosmoHooks>
<#-- keycloak.v2 hook at the bottom of every page, and the one file of ours its template.ftl imports: the import
     above applies kosmo-hooks.ftl (page titles, labels, field errors) to every page. KOSMO puts the onboarding step
     here ("ステップ 3 / 6"); kosmo-pf.css shows this footer above the page title. The attribute is set by our
     providers. -->
<#macro content>
  <#if kosmoStep??>
    <p id="kosmo-step" class="kosmo-step" aria-live="polite">${msg("kosmoStepOf", kosmoStep.number, kosmoStep.total)}</p>
  </#if>
</#macro>
