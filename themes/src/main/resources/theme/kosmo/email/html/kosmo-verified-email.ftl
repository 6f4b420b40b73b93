<#import "template.ftl" as layout>
<#-- 【6】 the verification mail: one link and one 6-digit code (required action kosmo-verified-email) -->
<@layout.emailLayout>
<p>${msg("kosmoVerifiedEmailMailGreeting")}</p>
<p>${msg("kosmoVerifiedEmailMailIntro", address)}</p>
<p>${msg("kosmoVerifiedEmailMailLinkIntro", linkExpirationMinutes)}</p>
<p><a id="kosmo-verify-link" href="${link}">${msg("kosmoVerifiedEmailMailLinkText")}</a></p>
<p>${msg("kosmoVerifiedEmailMailCodeIntro", codeExpirationMinutes)}</p>
<p style="font-size: 1.6em; font-weight: bold; letter-spacing: 0.2em;"><span id="kosmo-verify-code">${code}</span></p>
<p>${msg("kosmoVerifiedEmailMailIgnore")}</p>
<p>${msg("kosmoMailSignature")}</p>
</@layout.emailLayout>
