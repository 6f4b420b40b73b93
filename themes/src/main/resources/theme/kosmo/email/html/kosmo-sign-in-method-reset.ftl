<#import "template.ftl" as layout>
<#-- notice to the verified address: the sign-in method was reset (event listener kosmo-security-notices) -->
<@layout.emailLayout>
<p>${msg("kosmoSignInMethodResetIntro", when)}</p>
<ul>
<#if newMethod??><li id="kosmo-notice-new-method">${msg("kosmoSignInMethodResetNew", msg("kosmoMethodName." + newMethod))}</li></#if>
<#if removedMethods??><li id="kosmo-notice-removed-methods">${msg("kosmoSignInMethodResetRemoved", removedMethods?split(",")?map(m -> msg("kosmoMethodName." + m))?join(", "))}</li></#if>
<#if recoveredBy??><li>${msg("kosmoSignInMethodResetBy", msg("kosmoRecoveredBy." + recoveredBy))}</li></#if>
<#if browser??><li>${msg("kosmoSignInMethodResetBrowser", browser)}</li></#if>
</ul>
<p><strong>${msg("kosmoSignInMethodResetNotYou")}</strong></p>
<p>${msg("kosmoMailSignature")}</p>
</@layout.emailLayout>
