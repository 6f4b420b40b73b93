<#import "template.ftl" as layout>
<#-- To the owner of an address that someone else typed at 【5】: no code, no link -->
<@layout.emailLayout>
${kcSanitize(msg("kosmoAddressInUseBodyHtml", address))?no_esc}
</@layout.emailLayout>
