<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("kosmoForgotUserIdBodyHtml", userId, loginUrl))?no_esc}
</@layout.emailLayout>
