<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kosmoEmailOtpBodyHtml", code, ttlMinutes, expiresAt))?no_esc}
</@layout.emailLayout>
