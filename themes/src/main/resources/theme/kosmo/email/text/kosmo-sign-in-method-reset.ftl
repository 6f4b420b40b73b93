<#ftl output_format="plainText">
<#-- notice to the verified address: the sign-in method was reset (event listener kosmo-security-notices) -->
${msg("kosmoSignInMethodResetIntro", when)}

<#if newMethod??>${msg("kosmoSignInMethodResetNew", msg("kosmoMethodName." + newMethod))}
</#if><#if removedMethods??>${msg("kosmoSignInMethodResetRemoved", removedMethods?split(",")?map(m -> msg("kosmoMethodName." + m))?join(", "))}
</#if><#if recoveredBy??>${msg("kosmoSignInMethodResetBy", msg("kosmoRecoveredBy." + recoveredBy))}
</#if><#if browser??>${msg("kosmoSignInMethodResetBrowser", browser)}
</#if>
${msg("kosmoSignInMethodResetNotYou")}

--
${msg("kosmoMailSignature")}
