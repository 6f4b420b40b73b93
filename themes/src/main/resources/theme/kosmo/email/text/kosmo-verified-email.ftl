<#ftl output_format="plainText">
<#-- 【6】 the verification mail: one link and one 6-digit code (required action kosmo-verified-email) -->
${msg("kosmoVerifiedEmailMailGreeting")}

${msg("kosmoVerifiedEmailMailIntro", address)}

${msg("kosmoVerifiedEmailMailLinkIntro", linkExpirationMinutes)}
${link}

${msg("kosmoVerifiedEmailMailCodeIntro", codeExpirationMinutes)}
${msg("kosmoVerifiedEmailMailCodeLine", code)}

${msg("kosmoVerifiedEmailMailIgnore")}

--
${msg("kosmoMailSignature")}
